import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PortalChecklistLine, PortalRequestDetail } from '@sigap/contracts';
import type { Subscription } from 'rxjs';
import { TranslatePipe, injectT } from '../i18n/i18n.service';
import { focusFirstInvalid, lengthCount } from '../shared/form-focus';
import { problemOf } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { PortalApi } from './portal.api';
import { checkKey, statusKey } from './portal-status';

/** File types offered by the picker (the server sniffs the content anyway). */
export const DOCUMENT_ACCEPT =
  '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf';

interface UploadState {
  fileName: string;
  percent: number;
  error: string | null;
}

/**
 * `/portal/permohonan/:number`: status, the step under way (by position), the due date in the
 * office's zone, the document checklist with an upload per line (progress shown), the public
 * conversation and the answer form.
 */
@Component({
  selector: 'sg-portal-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <p>
      <a routerLink="/portal">{{ 'portal.detail.back' | t }}</a>
    </p>
    @if (detail(); as d) {
      <h1>{{ d.number }} · {{ d.subject }}</h1>
      @if (created()) {
        <p class="note" role="status">{{ 'portal.detail.created' | t: { number: d.number } }}</p>
      }
      <dl class="facts">
        <dt>{{ 'portal.detail.service' | t }}</dt>
        <dd>{{ d.serviceName }}</dd>
        <dt>{{ 'portal.detail.status' | t }}</dt>
        <dd data-test="portal-status">{{ statusKey(d.status) | t }}</dd>
        <dt>{{ 'portal.detail.step' | t }}</dt>
        <dd data-test="portal-step">
          @for (s of d.currentSteps; track s.order) {
            <div>
              {{ s.order }}. {{ s.description }} —
              @if (s.requesterSide) {
                <strong>{{ 'portal.detail.yourTurn' | t }}</strong>
              } @else {
                {{ 'portal.detail.stepBy' | t: { position: s.position } }}
              }
            </div>
          } @empty {
            {{ 'portal.detail.noStep' | t }}
          }
        </dd>
        <dt>{{ 'portal.detail.due' | t }}</dt>
        <dd data-test="portal-due">
          @if (d.dueAt) {
            {{ d.dueAt | zoned: d.office.timeZone }}
          } @else {
            {{ 'portal.detail.noDue' | t }}
          }
        </dd>
      </dl>

      <h2>{{ 'portal.detail.documents' | t }}</h2>
      @if (missing().length) {
        <p class="warn" data-test="portal-missing">
          {{
            'portal.detail.missingSummary' | t: { count: missing().length, names: missingNames() }
          }}
        </p>
      } @else {
        <p data-test="portal-missing">{{ 'portal.detail.complete' | t }}</p>
      }
      <p class="muted">{{ 'portal.detail.uploadHint' | t }}</p>
      <p class="muted" data-test="portal-upload-limit">
        {{ 'portal.detail.uploadLimit' | t: { size: size(d.uploadMaxBytes) } }}
      </p>
      <ol class="checklist">
        @for (line of d.checklist; track line.code) {
          <li [attr.data-test]="'portal-item-' + line.code">
            <div class="line">
              <span class="text">
                {{ line.text }}
                @if (line.optional) {
                  <span class="muted">{{ 'portal.new.optional' | t }}</span>
                }
              </span>
              <span
                class="state"
                [class.bad]="line.status === 'missing' || line.status === 'rejected'"
              >
                {{ checkKey(line.status) | t: { reason: line.reason || '' } }}
              </span>
            </div>
            @for (f of line.files; track f.id) {
              <div class="file">
                <a [href]="f.href" download>{{ f.fileName }}</a>
                <span class="muted">{{ size(f.size) }}</span>
              </div>
            }
            @if (d.canAnswer) {
              <label class="upload">
                <span>{{ 'portal.detail.upload' | t: { name: line.text } }}</span>
                <input
                  type="file"
                  [accept]="accept"
                  [disabled]="!!uploads()[line.code] && !uploads()[line.code]?.error"
                  (change)="pick(line, $event)"
                  [attr.data-test]="'portal-upload-' + line.code"
                />
              </label>
              @if (uploads()[line.code]; as u) {
                @if (u.error) {
                  <p
                    class="error"
                    role="alert"
                    [attr.data-test]="'portal-upload-error-' + line.code"
                  >
                    {{ u.error }}
                    <button
                      mat-button
                      type="button"
                      (click)="dismiss(line.code)"
                      [attr.data-test]="'portal-upload-remove-' + line.code"
                    >
                      {{ 'portal.detail.removeFailed' | t: { name: u.fileName } }}
                    </button>
                  </p>
                } @else {
                  <mat-progress-bar
                    mode="determinate"
                    [value]="u.percent"
                    [attr.aria-label]="
                      'portal.detail.uploading' | t: { name: u.fileName, percent: u.percent }
                    "
                  />
                  <span class="muted" role="status">{{
                    'portal.detail.uploading' | t: { name: u.fileName, percent: u.percent }
                  }}</span>
                }
              }
            }
          </li>
        }
      </ol>

      <h2>{{ 'portal.detail.conversation' | t }}</h2>
      <ul class="messages" data-test="portal-messages">
        @for (m of d.messages; track m.id) {
          <li [class.mine]="m.from === 'requester'">
            <div class="meta">
              <strong>{{ m.author }}</strong> ·
              {{ m.at | zoned: d.office.timeZone }}
            </div>
            <p class="body">{{ m.body }}</p>
            @for (f of m.files; track $index) {
              <div class="muted">📎 {{ f.fileName }} ({{ size(f.size) }})</div>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'portal.detail.noMessages' | t }}</li>
        }
      </ul>

      @if (d.canAnswer) {
        <form (submit)="send($event)" class="answer" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'portal.detail.answer' | t }}</mat-label>
            <textarea
              matInput
              rows="4"
              [formControl]="body"
              [maxlength]="answerMax"
              data-test="portal-answer"
            ></textarea>
            <mat-hint align="end" data-test="portal-answer-count">{{
              count(body.value, answerMax)
            }}</mat-hint>
            @if (body.invalid && body.touched) {
              <mat-error>{{ 'portal.new.required' | t }}</mat-error>
            }
          </mat-form-field>
          @if (fresh().length) {
            <mat-checkbox [formControl]="attach" data-test="portal-attach">{{
              'portal.detail.attach' | t
            }}</mat-checkbox>
          }
          @if (blocked()) {
            <p class="error" role="alert" data-test="portal-send-blocked">
              {{ 'portal.detail.uploadBlocks' | t }}
            </p>
          }
          @if (answerError(); as e) {
            <p class="error" role="alert">{{ e }}</p>
          }
          @if (answered()) {
            <p role="status" data-test="portal-answered">{{ 'portal.detail.sent' | t }}</p>
          }
          <div>
            <button
              mat-flat-button
              type="submit"
              [disabled]="busy() || blocked() || uploading()"
              data-test="portal-send-answer"
            >
              {{ 'portal.detail.send' | t }}
            </button>
          </div>
        </form>
      } @else {
        <p>{{ 'portal.detail.closed' | t }}</p>
      }
    } @else if (failed()) {
      <p role="alert">{{ 'portal.loadFailed' | t }}</p>
    } @else {
      <p role="status">{{ 'portal.loading' | t }}</p>
    }
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .checklist {
      padding-left: 20px;
    }
    .checklist li {
      margin-bottom: 14px;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
    }
    .state.bad,
    .warn,
    .error {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.9em;
    }
    .upload {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 4px 0;
    }
    .messages {
      list-style: none;
      padding: 0;
    }
    .messages li {
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .messages li.mine {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .body {
      white-space: pre-wrap;
      margin: 4px 0;
    }
    .answer {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 720px;
    }
    .note {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class PortalRequestPage implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly number = () => this.route.snapshot.paramMap.get('number') ?? '';
  private readonly api = inject(PortalApi);
  private readonly t = injectT();
  private readonly running = new Set<Subscription>();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly statusKey = statusKey;
  protected readonly checkKey = checkKey;
  protected readonly detail = signal<PortalRequestDetail | null>(null);
  protected readonly failed = signal(false);
  protected readonly uploads = signal<Record<string, UploadState>>({});
  /** Files uploaded on this page since the last answer (offered with the answer). */
  protected readonly fresh = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly answered = signal(false);
  protected readonly answerError = signal<string | null>(null);
  /** `?baru=1` right after submitting. */
  protected readonly created = signal(this.route.snapshot.queryParamMap.get('baru') === '1');
  protected readonly missing = computed(
    () =>
      this.detail()?.checklist.filter(
        (l) => !l.optional && l.status !== 'received' && l.status !== 'verified',
      ) ?? [],
  );
  protected readonly missingNames = computed(() =>
    this.missing()
      .map((l) => l.text)
      .join('; '),
  );
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(20_000)],
  });
  protected readonly attach = new FormControl(true, { nonNullable: true });
  /** The API's limit of an answer (`PortalAnswerDto.body`). */
  protected readonly answerMax = 20_000;
  protected readonly count = lengthCount;
  /** A failed upload stays on screen and holds the answer back until it is removed. */
  protected readonly blocked = computed(() =>
    Object.values(this.uploads()).some((u) => u.error !== null),
  );
  /** An upload under way: sending now would leave its file out of the answer. */
  protected readonly uploading = computed(() =>
    Object.values(this.uploads()).some((u) => u.error === null),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running.forEach((s) => s.unsubscribe()));
  }

  async ngOnInit(): Promise<void> {
    try {
      this.detail.set(await this.api.detail(this.number()));
    } catch {
      this.failed.set(true);
    }
  }

  protected size(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  protected pick(line: PortalChecklistLine, event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    if (!file) return;
    const code = line.code;
    const set = (state: UploadState | null) => this.setUpload(code, state);
    const max = this.detail()?.uploadMaxBytes ?? 0;
    if (max > 0 && file.size > max) {
      // Refused here: sending a file the server will refuse only wastes the requester's data.
      set({
        fileName: file.name,
        percent: 0,
        error: this.t('portal.detail.tooLarge', {
          name: file.name,
          size: this.size(file.size),
          max: this.size(max),
        }),
      });
      field.value = '';
      return;
    }
    set({ fileName: file.name, percent: 0, error: null });
    const before = new Set(line.files.map((f) => f.id));
    const subscription = this.api.upload(this.number(), code, file).subscribe({
      next: (e) => {
        if (e.type === HttpEventType.UploadProgress) {
          const percent = e.total ? Math.round((100 * e.loaded) / e.total) : 0;
          set({ fileName: file.name, percent, error: null });
        } else if (e.type === HttpEventType.Response && e.body) {
          const detail = e.body;
          this.detail.set(detail);
          const added = detail.checklist
            .find((l) => l.code === code)
            ?.files.filter((f) => !before.has(f.id))
            .map((f) => f.id);
          this.fresh.update((ids) => [...ids, ...(added ?? [])]);
          set(null);
        }
      },
      error: (error: unknown) => {
        const problem = problemOf(error);
        set({
          fileName: file.name,
          percent: 0,
          error: problem?.detail ?? problem?.title ?? this.t('portal.loadFailed'),
        });
      },
      complete: () => this.running.delete(subscription),
    });
    this.running.add(subscription);
    field.value = '';
  }

  /** Removes a failed upload from the page, which lets the answer go again. */
  protected dismiss(code: string): void {
    this.setUpload(code, null);
  }

  private setUpload(code: string, state: UploadState | null): void {
    this.uploads.update((all) => {
      const next = { ...all };
      if (state) next[code] = state;
      else delete next[code];
      return next;
    });
  }

  protected async send(event?: Event): Promise<void> {
    event?.preventDefault();
    this.body.markAsTouched();
    if (this.body.invalid) void focusFirstInvalid(this.host.nativeElement);
    if (this.body.invalid || this.busy() || this.blocked() || this.uploading()) return;
    this.busy.set(true);
    this.answered.set(false);
    this.answerError.set(null);
    try {
      const detail = await this.api.answer(this.number(), {
        body: this.body.value.trim(),
        attachmentIds: this.attach.value ? this.fresh() : [],
      });
      this.detail.set(detail);
      this.fresh.set([]);
      this.body.reset('');
      this.answered.set(true);
    } catch (error) {
      const problem = problemOf(error);
      this.answerError.set(problem?.detail ?? problem?.title ?? this.t('portal.loadFailed'));
    } finally {
      this.busy.set(false);
    }
  }
}
