import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  DEFAULT_PUBLIC_SUMMARY,
  FIELD_LIMITS,
  type IncidentPublicNoticeRequest,
  type IncidentView,
  type TicketDetail,
} from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';

/**
 * What the public status page says of an incident: a title and a summary in plain words the
 * helpdesk writes for the public (never the ticket's subject or description). Read by anyone
 * who reads the ticket; edited by the helpdesk.
 */
@Component({
  selector: 'sg-incident-public-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <div class="notice" data-test="public-notice">
      <h3>{{ 'inc.notice.title' | t }}</h3>
      @if (canAct()) {
        <p class="muted">{{ 'inc.notice.hint' | t }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.notice.publicTitle' | t }}</mat-label>
          <input
            matInput
            [attr.maxlength]="titleMax"
            [value]="title()"
            (input)="title.set($any($event.target).value)"
            data-test="public-notice-title"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.notice.publicSummary' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            [attr.maxlength]="summaryMax"
            [placeholder]="fallback"
            [value]="summary()"
            (input)="summary.set($any($event.target).value)"
            data-test="public-notice-summary"
          ></textarea>
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="save()"
          data-test="public-notice-save"
        >
          {{ 'inc.notice.save' | t }}
        </button>
      } @else {
        <p data-test="public-notice-text">
          <strong>{{ view().publicTitle || ('inc.notice.generic' | t) }}</strong><br />
          {{ view().publicSummary || fallback }}
        </p>
      }
    </div>
  `,
  styles: `
    .notice {
      display: grid;
      gap: 8px;
      margin-top: 12px;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      justify-self: start;
    }
  `,
})
export class IncidentPublicNoticeComponent {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(ErrorNotifier);

  readonly ticket = input.required<TicketDetail>();
  readonly view = input.required<IncidentView>();
  readonly canAct = input(false);
  /** Saved: the ticket moved on a version. */
  readonly changed = output<void>();

  protected readonly titleMax = FIELD_LIMITS.incident.publicTitle;
  protected readonly summaryMax = FIELD_LIMITS.incident.publicSummary;
  protected readonly fallback = DEFAULT_PUBLIC_SUMMARY;
  protected readonly title = signal('');
  protected readonly summary = signal('');
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const v = this.view();
      this.title.set(v.publicTitle ?? '');
      this.summary.set(v.publicSummary ?? '');
    });
  }

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    const t = this.ticket();
    const body: IncidentPublicNoticeRequest = {
      publicTitle: this.title().trim() || null,
      publicSummary: this.summary().trim() || null,
      expectedVersion: t.version,
    };
    this.http
      .put<TicketDetail>(`/api/v1/incidents/${encodeURIComponent(t.number)}/public-notice`, body)
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.changed.emit();
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.notifier.show(e);
        },
      });
  }
}
