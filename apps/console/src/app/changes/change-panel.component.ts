import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CHANGE_RESULTS,
  FIELD_LIMITS,
  type ChangeApprovalView,
  type ChangeResult,
  type ChangeView,
  type TicketDetail,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { ChangesApi, wallClockToIso } from './changes.api';

/**
 * The change side of a ticket in the workspace: state, risk, planned window, services, rollback
 * plan and overlaps; each approval with its position, clock and decision, and for the holder of
 * the waiting approval's position (or an admin) approve / reject with a reason; then, for the
 * helpdesk, the implementation (actual window, result), the review, closing, and the incidents
 * the change caused.
 */
@Component({
  selector: 'sg-change-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <section class="change" data-test="change-panel" aria-labelledby="change-title">
      <h2 id="change-title">{{ 'chg.ws.title' | t }}</h2>
      @if (view(); as c) {
        <p>
          <span class="badge" data-test="change-state">{{ key('chg.state', c.state) | t }}</span>
          · {{ 'chg.risk' | t }}:
          <strong data-test="change-risk">{{ key('chg.risk', c.risk) | t }}</strong>
        </p>
        <p class="muted" data-test="change-window">
          {{
            'chg.window'
              | t
                : {
                    start: (c.plannedStart | zoned: timeZone()),
                    end: (c.plannedEnd | zoned: timeZone()),
                  }
          }}
        </p>
        <p class="muted">{{ 'chg.ws.services' | t: { list: serviceNames(c) } }}</p>
        <p class="pre">
          <strong>{{ 'chg.ws.rollback' | t }}:</strong> {{ c.rollbackPlan }}
        </p>
        @if (c.overlaps.length) {
          <div class="warn" role="alert" data-test="change-overlaps">
            {{ 'chg.ws.overlaps' | t }}
            <ul>
              @for (o of c.overlaps; track o.number) {
                <li>
                  <strong>{{ o.number }}</strong> {{ o.subject }} ({{ o.services.join(', ') }};
                  {{ o.plannedStart | zoned: timeZone() }} – {{ o.plannedEnd | zoned: timeZone() }})
                </li>
              }
            </ul>
          </div>
        }
        <h3>{{ 'chg.ws.approvals' | t }}</h3>
        <ol class="approvals" data-test="change-approvals">
          @for (a of c.approvals; track a.order) {
            <li [attr.data-status]="a.status">
              <strong data-test="approval-position">{{ a.positionName ?? a.position }}</strong> ·
              {{ key('chg.approval', a.status) | t }}
              @if (a.decidedByName) {
                <span data-test="approval-decider">
                  · {{ 'chg.ws.decidedBy' | t: { name: a.decidedByName } }}</span
                >
              }
              @if (a.dueAt && a.status === 'active') {
                · {{ 'chg.ws.due' | t: { due: (a.dueAt | zoned: timeZone()) } }}
              }
              @if (a.reason) {
                <span class="muted"> — {{ a.reason }}</span>
              }
              @if (canDecide(a)) {
                <div class="decide">
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <mat-label>{{ 'chg.ws.reason' | t }}</mat-label>
                    <input
                      matInput
                      [(ngModel)]="reason"
                      [maxlength]="limits.reason"
                      data-test="change-reason"
                    />
                  </mat-form-field>
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="busy()"
                    (click)="decide(a, 'approve')"
                    data-test="change-approve"
                  >
                    {{ 'chg.ws.approve' | t }}
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="decide(a, 'reject')"
                    data-test="change-reject"
                  >
                    {{ 'chg.ws.reject' | t }}
                  </button>
                </div>
              }
            </li>
          }
        </ol>
        @if (c.result) {
          <p data-test="change-result">
            {{ 'chg.ws.result' | t }}: <strong>{{ key('chg.result', c.result) | t }}</strong> ·
            {{ c.actualStart | zoned: timeZone() }} – {{ c.actualEnd | zoned: timeZone() }}
            @if (c.implementationNote) {
              <span class="muted"> — {{ c.implementationNote }}</span>
            }
          </p>
        }
        @if (c.reviewNote) {
          <p class="pre" data-test="change-review">
            <strong>{{ 'chg.ws.reviewNote' | t }}:</strong> {{ c.reviewNote }}
          </p>
        }
        @if (c.state === 'approved' && isHelpdesk()) {
          <form class="row" (ngSubmit)="implement(c)" data-test="change-implement">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'chg.ws.actualStart' | t }}</mat-label>
              <input
                matInput
                type="datetime-local"
                name="actualStart"
                [(ngModel)]="actualStart"
                required
              />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'chg.ws.actualEnd' | t }}</mat-label>
              <input
                matInput
                type="datetime-local"
                name="actualEnd"
                [(ngModel)]="actualEnd"
                required
              />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'chg.ws.result' | t }}</mat-label>
              <mat-select name="result" [(ngModel)]="result">
                @for (r of results; track r) {
                  <mat-option [value]="r">{{ key('chg.result', r) | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
              <mat-label>{{ 'chg.ws.note' | t }}</mat-label>
              <input matInput name="note" [(ngModel)]="note" [maxlength]="limits.note" />
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ 'chg.ws.implement' | t }}
            </button>
          </form>
        }
        @if (c.state === 'implemented' && canReview()) {
          <form class="row" (ngSubmit)="review(c)" data-test="change-review-form">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
              <mat-label>{{ 'chg.ws.reviewNote' | t }}</mat-label>
              <textarea
                matInput
                rows="2"
                name="reviewNote"
                [(ngModel)]="reviewNote"
                [maxlength]="limits.note"
                required
              ></textarea>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ 'chg.ws.review' | t }}
            </button>
          </form>
        }
        @if ((c.state === 'awaiting-approval' || c.state === 'approved') && canReview()) {
          <details class="withdraw" data-test="change-withdraw">
            <summary>{{ 'chg.ws.withdraw' | t }}</summary>
            <form class="row" (ngSubmit)="withdraw(c)">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
                <mat-label>{{ 'chg.ws.withdrawReason' | t }}</mat-label>
                <input
                  matInput
                  name="withdrawReason"
                  [(ngModel)]="withdrawReason"
                  [maxlength]="limits.reason"
                  minlength="5"
                  required
                  data-test="change-withdraw-reason"
                />
              </mat-form-field>
              <button
                mat-stroked-button
                type="submit"
                [disabled]="busy() || withdrawReason.trim().length < 5"
                data-test="change-withdraw-confirm"
              >
                {{ 'chg.ws.withdrawConfirm' | t }}
              </button>
            </form>
          </details>
        }
        @if (c.state === 'reviewed' && isHelpdesk()) {
          <button
            mat-flat-button
            type="button"
            [disabled]="busy()"
            (click)="close(c)"
            data-test="change-close"
          >
            {{ 'chg.ws.close' | t }}
          </button>
        }
        @if (isHelpdesk() && c.state !== 'awaiting-approval') {
          <form class="row" (ngSubmit)="saveIncidents(c)" data-test="change-incidents">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
              <mat-label>{{ 'chg.ws.incidents' | t }}</mat-label>
              <input matInput name="incidents" [(ngModel)]="incidents" />
              <mat-hint>{{ 'chg.ws.incidentsHint' | t }}</mat-hint>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="busy()">
              {{ 'chg.ws.saveIncidents' | t }}
            </button>
          </form>
        } @else if (c.incidents.length) {
          <p>{{ 'chg.ws.incidents' | t }}: {{ c.incidents.join(', ') }}</p>
        }
      }
    </section>
  `,
  styles: `
    .change {
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 12px 0;
    }
    .approvals {
      padding-left: 20px;
    }
    .approvals li {
      margin-bottom: 8px;
    }
    .decide,
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    .decide mat-form-field,
    .row mat-form-field {
      flex: 1 1 200px;
      min-width: 0;
    }
    .row .wide {
      flex-basis: 100%;
    }
    .warn {
      background: var(--mat-sys-error-container, #fde7e7);
      color: var(--mat-sys-on-error-container, #5f1010);
      border-radius: 6px;
      padding: 8px 12px;
    }
    .warn ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ChangePanelComponent {
  private readonly api = inject(ChangesApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly ticket = input.required<TicketDetail>();
  readonly timeZone = input('Asia/Jakarta');
  readonly changed = output<void>();

  protected readonly view = signal<ChangeView | null>(null);
  protected readonly busy = signal(false);
  protected readonly results = CHANGE_RESULTS;
  protected readonly limits = {
    reason: FIELD_LIMITS.change.reason,
    note: FIELD_LIMITS.change.note,
  };
  protected reason = '';
  protected actualStart = '';
  protected actualEnd = '';
  protected result: ChangeResult = 'success';
  protected note = '';
  protected reviewNote = '';
  protected withdrawReason = '';
  protected incidents = '';

  protected readonly isHelpdesk = computed(() => this.auth.isAdmin() || this.auth.hasRole('agent'));
  protected readonly canReview = computed(() => this.isHelpdesk() || this.auth.hasRole('manager'));

  constructor() {
    effect((onCleanup) => {
      const t = this.ticket();
      const sub = this.api.get(t.number).subscribe({
        next: (v) => this.show(v),
        error: (e: unknown) => this.notifier.show(e),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected serviceNames(c: ChangeView): string {
    return c.services.map((s) => s.name).join(', ');
  }

  /** The API tells whether the reader holds the waiting approval's position. */
  protected canDecide(a: ChangeApprovalView): boolean {
    return a.mayDecide;
  }

  protected decide(a: ChangeApprovalView, how: 'approve' | 'reject'): void {
    const c = this.view();
    if (!c) return;
    const reason = this.reason.trim();
    if (how === 'reject' && !reason) {
      this.snack.open(this.i18n.t('chg.ws.reasonRequired'), this.i18n.t('app.close'), {
        duration: 5000,
      });
      return;
    }
    this.run(
      this.api.decide(c.number, a.order, how, {
        reason: reason || null,
        expectedVersion: c.version,
      }),
    );
  }

  protected implement(c: ChangeView): void {
    const actualStart = wallClockToIso(this.actualStart, this.timeZone());
    const actualEnd = wallClockToIso(this.actualEnd, this.timeZone());
    if (!actualStart || !actualEnd) return;
    this.run(
      this.api.implement(c.number, {
        actualStart,
        actualEnd,
        result: this.result,
        note: this.note.trim() || null,
        expectedVersion: c.version,
      }),
    );
  }

  protected review(c: ChangeView): void {
    if (!this.reviewNote.trim()) return;
    this.run(this.api.review(c.number, { note: this.reviewNote, expectedVersion: c.version }));
  }

  protected withdraw(c: ChangeView): void {
    const reason = this.withdrawReason.trim();
    if (reason.length < 5) return;
    this.run(this.api.withdraw(c.number, { reason, expectedVersion: c.version }));
  }

  protected close(c: ChangeView): void {
    this.run(this.api.close(c.number, c.version));
  }

  protected saveIncidents(c: ChangeView): void {
    const list = this.incidents
      .split(/[\s,;]+/)
      .map((n) => n.trim().toUpperCase())
      .filter(Boolean);
    this.run(this.api.linkIncidents(c.number, list, c.version));
  }

  private show(v: ChangeView): void {
    this.view.set(v);
    this.incidents = v.incidents.join(', ');
  }

  private run(call: Observable<ChangeView>): void {
    this.busy.set(true);
    call.subscribe({
      next: (v) => {
        this.busy.set(false);
        this.reason = '';
        this.withdrawReason = '';
        this.show(v);
        this.snack.open(this.i18n.t('chg.ws.done'), undefined, { duration: 3000 });
        this.changed.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.notifier.show(e);
      },
    });
  }
}
