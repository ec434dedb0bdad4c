import {
  ChangeDetectionStrategy,
  Component,
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
import { FIELD_LIMITS, type CannedResponseView, type TicketDetail } from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { lengthCount } from '../shared/form-focus';
import { UploadListComponent } from '../shared/upload-list.component';
import { UploadQueue } from '../shared/upload-queue';
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
    TranslatePipe,
    UploadListComponent,
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
        [attr.maxlength]="limit"
        (input)="text.set($any($event.target).value)"
        data-test="composer"
      ></textarea>
      <mat-hint align="end" data-test="field-count">{{ count(text(), limit) }}</mat-hint>
    </mat-form-field>
    @if (kind() === 'reply') {
      <sg-upload-list class="attachments" [queue]="uploads" />
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
    .attachments {
      min-width: 280px;
      max-width: 100%;
    }
  `,
})
export class ReplyComposerComponent {
  private readonly tickets = inject(TicketsApi);
  private readonly cannedApi = inject(CannedResponsesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly box = viewChild<ElementRef<HTMLTextAreaElement>>('box');

  readonly ticket = input.required<TicketDetail>();
  readonly busy = input(false);
  readonly timeZone = input('Asia/Jakarta');
  readonly compose = output<ComposedMessage>();

  protected readonly kind = signal<'note' | 'reply'>('note');
  protected readonly text = signal('');
  /** The API's limit of a reply or note, shown as a counter. */
  protected readonly limit = FIELD_LIMITS.ticket.body;
  protected readonly count = lengthCount;
  protected readonly canned = signal<CannedResponseView[]>([]);
  /** The office's service names by code, for `{{layanan}}`. */
  private readonly serviceNames = signal<Record<string, string>>({});
  /** The reply's files, uploaded to the ticket as soon as they are chosen. */
  protected readonly uploads = new UploadQueue();

  /** Whether a reply or note is being written (colleagues on the ticket see it). */
  readonly drafting = computed(() => this.text().trim().length > 0);

  private readonly office = computed(() => this.ticket().office);
  /** A reply waits for its uploads, and is held while a failed one is still listed. */
  protected readonly canSend = computed(() => {
    if (this.busy() || !this.text().trim()) return false;
    if (this.kind() === 'note') return true;
    return this.uploads.allStored();
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
    effect(() => {
      const number = this.ticket().number;
      this.uploads.uploadTo((file) => this.tickets.upload(number, file));
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

  protected send(): void {
    if (!this.canSend()) return;
    const kind = this.kind();
    this.compose.emit({
      kind,
      body: this.text().trim(),
      attachmentIds: kind === 'reply' ? this.uploads.ids() : [],
    });
  }

  /** Called by the workspace once the message is saved. */
  reset(): void {
    this.text.set('');
    this.uploads.clear();
  }
}
