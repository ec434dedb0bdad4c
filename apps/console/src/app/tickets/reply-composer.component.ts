import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CannedResponseView, TicketDetail } from '@sigap/contracts';
import type { Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { formatInZone } from '../shared/zoned-date';
import { fillCanned, insertAt } from './canned-fill';
import { CannedResponsesApi } from './canned-responses.api';
import { TicketsApi } from './tickets.api';

/** What the composer hands to the workspace to send. */
export interface ComposedMessage {
  kind: 'note' | 'reply';
  body: string;
  attachmentIds: string[];
}

/** One file being uploaded to the ticket (or uploaded) for the reply. */
export interface PendingUpload {
  key: number;
  name: string;
  size: number;
  /** 0..100 while uploading. */
  progress: number;
  /** The stored attachment, once the upload has finished. */
  id: string | null;
  failed: boolean;
  /** Why it failed, when known (a file over the limit is refused before it is sent). */
  reason?: string;
}

/**
 * The workspace's composer: an internal note or a reply to the requester, with the office's
 * canned responses (placeholders filled from the ticket) and, for replies, attachments uploaded
 * with a progress bar before the reply is sent.
 */
@Component({
  selector: 'sg-reply-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  template: `
    <div class="item-actions" role="group" [attr.aria-label]="'tickets.ws.compose' | t">
      <button
        mat-stroked-button
        type="button"
        [class.current]="kind() === 'note'"
        [attr.aria-pressed]="kind() === 'note'"
        (click)="kind.set('note')"
        data-test="kind-note"
      >
        {{ 'tickets.ws.note' | t }}
      </button>
      <button
        mat-stroked-button
        type="button"
        [class.current]="kind() === 'reply'"
        [attr.aria-pressed]="kind() === 'reply'"
        (click)="kind.set('reply')"
        data-test="kind-reply"
      >
        {{ 'tickets.ws.reply' | t }}
      </button>
      @if (canned().length) {
        <select
          class="inline-input wide"
          [attr.aria-label]="'agent.canned.insert' | t"
          (change)="insertCanned($any($event.target))"
          data-test="canned-picker"
        >
          <option value="">{{ 'agent.canned.insert' | t }}…</option>
          @for (c of canned(); track c.id) {
            <option [value]="c.id">{{ c.title }}</option>
          }
        </select>
      }
    </div>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
      <mat-label>{{ (kind() === 'note' ? 'tickets.ws.note' : 'tickets.ws.reply') | t }}</mat-label>
      <textarea
        #box
        matInput
        rows="4"
        [value]="text()"
        (input)="text.set($any($event.target).value)"
        data-test="composer"
      ></textarea>
    </mat-form-field>
    @if (kind() === 'reply') {
      <div class="attachments">
        <input
          #file
          type="file"
          multiple
          class="visually-hidden"
          [attr.aria-label]="'agent.attach.add' | t"
          (change)="addFiles($any($event.target))"
          data-test="attach-input"
        />
        <button mat-stroked-button type="button" (click)="file.click()" data-test="attach">
          <mat-icon svgIcon="upload" />{{ 'agent.attach.add' | t }}
        </button>
        <ul class="uploads">
          @for (u of uploads(); track u.key) {
            <li data-test="upload" [attr.data-state]="u.failed ? 'failed' : u.id ? 'done' : 'busy'">
              <span class="name">{{ u.name }}</span>
              <span class="muted small">{{ sizeText(u.size) }}</span>
              @if (u.failed) {
                <span class="error small" data-test="upload-error">{{
                  u.reason ?? ('agent.attach.failed' | t)
                }}</span>
              } @else if (!u.id) {
                <mat-progress-bar
                  mode="determinate"
                  [value]="u.progress"
                  [attr.aria-label]="'agent.attach.progress' | t: { name: u.name }"
                  data-test="upload-progress"
                />
                <span class="small" data-test="upload-percent">{{ u.progress }}%</span>
              }
              <button
                mat-button
                type="button"
                (click)="removeUpload(u.key)"
                [attr.aria-label]="'agent.attach.remove' | t: { name: u.name }"
                data-test="upload-remove"
              >
                {{ 'agent.attach.removeShort' | t }}
              </button>
            </li>
          }
        </ul>
        @if (uploadMax()) {
          <p class="muted small" data-test="upload-limit">
            {{ 'agent.attach.limit' | t: { size: sizeText(uploadMax()) } }}
          </p>
        }
        @if (kind() === 'reply' && hasFailed()) {
          <p class="error small" role="alert" data-test="upload-blocked">
            {{ 'agent.attach.blocked' | t }}
          </p>
        }
      </div>
    }
    <button mat-flat-button type="button" [disabled]="!canSend()" (click)="send()" data-test="send">
      {{ 'tickets.ws.send' | t }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      align-items: flex-start;
    }
    .full {
      width: 100%;
    }
    .item-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .current {
      background: var(--mat-sys-secondary-container);
      /* The label on the tinted background keeps the contrast the plain button has. */
      --mat-button-outlined-label-text-color: var(--mat-sys-on-secondary-container);
    }
    .inline-input {
      min-height: 36px;
      padding: 4px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: inherit;
      font: inherit;
    }
    .uploads {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 280px;
    }
    .uploads li {
      display: grid;
      grid-template-columns: 1fr auto auto;
      align-items: center;
      column-gap: 8px;
    }
    .uploads mat-progress-bar {
      grid-column: 1 / span 2;
    }
    /* Why a file failed: on its own line under the name, which keeps its width on a phone. */
    .uploads li .error {
      grid-column: 1 / -1;
      grid-row: 2;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .small {
      font-size: 12px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class ReplyComposerComponent {
  private readonly tickets = inject(TicketsApi);
  private readonly cannedApi = inject(CannedResponsesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly box = viewChild<ElementRef<HTMLTextAreaElement>>('box');

  readonly ticket = input.required<TicketDetail>();
  readonly busy = input(false);
  readonly timeZone = input('Asia/Jakarta');
  readonly compose = output<ComposedMessage>();

  protected readonly kind = signal<'note' | 'reply'>('note');
  protected readonly text = signal('');
  protected readonly canned = signal<CannedResponseView[]>([]);
  /** The office's service names by code, for `{{layanan}}`. */
  private readonly serviceNames = signal<Record<string, string>>({});
  protected readonly uploads = signal<PendingUpload[]>([]);
  private readonly uploading = new Map<number, Subscription>();
  private nextKey = 1;

  private readonly office = computed(() => this.ticket().office);
  /** The API's attachment limit in bytes (0: not known, the API alone checks). */
  protected readonly uploadMax = computed(() => this.auth.user()?.uploadMaxBytes ?? 0);
  protected readonly hasFailed = computed(() => this.uploads().some((u) => u.failed));
  /** A reply waits for its uploads, and is held while a failed one is still listed. */
  protected readonly canSend = computed(() => {
    if (this.busy() || !this.text().trim()) return false;
    if (this.kind() === 'note') return true;
    return this.uploads().every((u) => u.id !== null && !u.failed);
  });

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      const a = this.cannedApi.list(office).subscribe({
        next: (list) => this.canned.set(list),
        error: () => this.canned.set([]),
      });
      const b = this.catalog.services(office).subscribe({
        next: (list) =>
          this.serviceNames.set(Object.fromEntries(list.map((s) => [s.code, s.name]))),
        error: () => this.serviceNames.set({}),
      });
      onCleanup(() => {
        a.unsubscribe();
        b.unsubscribe();
      });
    });
    inject(DestroyRef).onDestroy(() => {
      for (const subscription of this.uploading.values()) subscription.unsubscribe();
    });
  }

  /** Inserts the chosen response at the caret, placeholders filled from the ticket. */
  protected insertCanned(select: HTMLSelectElement): void {
    const chosen = this.canned().find((c) => c.id === select.value);
    select.value = '';
    if (!chosen) return;
    const ticket = this.ticket();
    const limit = ticket.clocks.ticket?.limitDueAt ?? ticket.dueAt;
    const filled = fillCanned(chosen.body, {
      nomor: ticket.number,
      nama_pemohon: ticket.requester.name,
      layanan: ticket.service ? (this.serviceNames()[ticket.service] ?? ticket.service) : null,
      subjek: ticket.subject,
      nama_agen: this.auth.user()?.name ?? null,
      batas_waktu: limit ? formatInZone(limit, this.timeZone(), this.i18n.locale()) : null,
    });
    const box = this.box()?.nativeElement;
    const current = this.text();
    const start = box ? box.selectionStart : current.length;
    const end = box ? box.selectionEnd : current.length;
    const result = insertAt(current, filled, start, end);
    this.text.set(result.text);
    if (box) {
      box.value = result.text;
      box.focus();
      box.setSelectionRange(result.caret, result.caret);
    }
  }

  protected addFiles(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    for (const file of files) this.upload(file);
  }

  private upload(file: File): void {
    const key = this.nextKey++;
    const max = this.uploadMax();
    if (max > 0 && file.size > max) {
      // Refused here: the API would refuse it only after the whole file had been sent.
      const reason = this.i18n.t('agent.attach.tooLarge', {
        size: this.sizeText(file.size),
        max: this.sizeText(max),
      });
      this.uploads.update((list) => [
        ...list,
        { key, name: file.name, size: file.size, progress: 0, id: null, failed: true, reason },
      ]);
      return;
    }
    this.uploads.update((list) => [
      ...list,
      { key, name: file.name, size: file.size, progress: 0, id: null, failed: false },
    ]);
    const patch = (change: Partial<PendingUpload>) =>
      this.uploads.update((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
    const subscription = this.tickets.upload(this.ticket().number, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const total = event.total ?? file.size;
          patch({ progress: total ? Math.min(100, Math.round((100 * event.loaded) / total)) : 0 });
        } else if (event.type === HttpEventType.Response && event.body) {
          patch({ progress: 100, id: event.body.id });
        }
      },
      error: (error: unknown) => {
        this.uploading.delete(key);
        patch({ failed: true });
        this.notifier.show(error);
      },
      complete: () => this.uploading.delete(key),
    });
    this.uploading.set(key, subscription);
  }

  protected removeUpload(key: number): void {
    this.uploading.get(key)?.unsubscribe();
    this.uploading.delete(key);
    this.uploads.update((list) => list.filter((u) => u.key !== key));
  }

  protected sizeText(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  protected send(): void {
    if (!this.canSend()) return;
    const kind = this.kind();
    this.compose.emit({
      kind,
      body: this.text().trim(),
      attachmentIds:
        kind === 'reply' ? this.uploads().flatMap((u) => (u.id && !u.failed ? [u.id] : [])) : [],
    });
  }

  /** Called by the workspace once the message is saved. */
  reset(): void {
    this.text.set('');
    this.uploads.set([]);
  }
}
