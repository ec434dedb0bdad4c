import { A11yModule } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TicketAssigneeView, TicketSummary } from '@sigap/contracts';
import { catchError, from, map, mergeMap, of, type Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { TicketsApi } from './tickets.api';

/** What happened to one ticket of a bulk assignment. */
export type BulkAssignOutcome = 'pending' | 'assigned' | 'conflict' | 'error';

export interface BulkAssignResult {
  number: string;
  outcome: BulkAssignOutcome;
  /** The API's explanation when the ticket was not assigned. */
  message: string | null;
}

/** A person the tickets can be given to. */
export interface AssignChoice {
  id: string;
  name: string;
  /** Open tickets of the office the agent holds now. */
  openTickets: number;
}

/** How many assignments run at the same time. */
const PARALLEL = 4;

/**
 * Dialog of the queue: gives one or more tickets to a helpdesk agent, each through the ticket's
 * own assign endpoint with the version the queue showed, and lists what happened to each.
 */
@Component({
  selector: 'sg-bulk-assign',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [A11yModule, MatButtonModule, MatProgressBarModule, TranslatePipe],
  host: {
    class: 'bulk-assign-backdrop',
    '(keydown.escape)': 'close()',
  },
  template: `
    <div
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="bulk-assign-title"
      cdkTrapFocus
      [cdkTrapFocusAutoCapture]="true"
      data-test="bulk-assign"
    >
      <h2 id="bulk-assign-title">
        {{ 'agent.bulk.title' | t: { count: tickets().length } }}
      </h2>
      @if (results(); as list) {
        <p data-test="bulk-summary">{{ summary() }}</p>
        @if (running()) {
          <mat-progress-bar mode="determinate" [value]="progress()" />
        }
        <ul class="results" aria-live="polite" data-test="bulk-results">
          @for (r of list; track r.number) {
            <li [class]="r.outcome" [attr.data-outcome]="r.outcome">
              <span class="number">{{ r.number }}</span>
              <span>{{ outcomeLabel(r.outcome) | t }}</span>
              @if (r.message) {
                <span class="muted">{{ r.message }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="muted numbers">{{ numbers() }}</p>
        @if (choices(); as list) {
          @if (list.length) {
            <label class="field">
              <span>{{ 'agent.bulk.assignee' | t }}</span>
              <select
                [value]="chosen()"
                (change)="chosen.set($any($event.target).value)"
                data-test="bulk-assignee"
              >
                @for (c of list; track c.id) {
                  <option [value]="c.id" [selected]="c.id === chosen()">
                    {{ c.name }} · {{ 'agent.bulk.openTickets' | t: { count: c.openTickets } }}
                  </option>
                }
              </select>
            </label>
          } @else {
            <p data-test="bulk-no-candidates">{{ 'agent.bulk.noCandidates' | t }}</p>
          }
        } @else {
          <mat-progress-bar mode="indeterminate" />
        }
      }
      <div class="actions">
        <button mat-button type="button" (click)="close()" data-test="bulk-close">
          {{ (results() ? 'app.close' : 'agent.bulk.cancel') | t }}
        </button>
        @if (!results()) {
          <button
            mat-flat-button
            type="button"
            [disabled]="!chosen()"
            (click)="assign()"
            data-test="bulk-confirm"
          >
            {{ 'tickets.ws.assign' | t }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      position: fixed;
      inset: 0;
      z-index: 1000;
      display: flex;
      align-items: center;
      justify-content: center;
      background: rgb(0 0 0 / 32%);
    }
    .panel {
      width: min(520px, calc(100vw - 32px));
      max-height: calc(100dvh - 64px);
      overflow: auto;
      padding: 16px 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .field select {
      padding: 8px;
      font: inherit;
    }
    .numbers,
    .muted {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .results {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .results li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .results .number {
      font-weight: 600;
    }
    .results .conflict,
    .results .error {
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
  `,
})
export class BulkAssignComponent implements OnInit {
  private readonly api = inject(TicketsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly destroyRef = inject(DestroyRef);

  /** The tickets to assign, as the queue showed them (their versions are sent back). */
  readonly tickets = input.required<TicketSummary[]>();
  /** Every assignment has been answered: the queue reloads. */
  readonly finished = output<BulkAssignResult[]>();
  readonly closed = output<void>();

  protected readonly choices = signal<AssignChoice[] | null>(null);
  protected readonly chosen = signal('');
  protected readonly results = signal<BulkAssignResult[] | null>(null);
  protected readonly running = computed(
    () => this.results()?.some((r) => r.outcome === 'pending') ?? false,
  );
  protected readonly progress = computed(() => {
    const list = this.results() ?? [];
    const done = list.filter((r) => r.outcome !== 'pending').length;
    return list.length ? (100 * done) / list.length : 0;
  });
  protected readonly numbers = computed(() =>
    this.tickets()
      .map((t) => t.number)
      .join(', '),
  );
  protected readonly summary = computed(() => {
    const list = this.results() ?? [];
    const count = (outcome: BulkAssignOutcome) => list.filter((r) => r.outcome === outcome).length;
    return this.i18n.t('agent.bulk.summary', {
      assigned: count('assigned'),
      conflict: count('conflict'),
      error: count('error'),
    });
  });

  ngOnInit(): void {
    const sub = this.loadChoices().subscribe((list) => {
      this.choices.set(list);
      this.chosen.set(list[0]?.id ?? '');
    });
    this.destroyRef.onDestroy(() => sub.unsubscribe());
  }

  /**
   * Every active helpdesk agent of the tickets' office (the only people a ticket can be given
   * to), the signed-in agent first, then the least loaded.
   */
  private loadChoices(): Observable<AssignChoice[]> {
    const office = this.tickets()[0]?.office;
    if (!office) return of([]);
    return this.api.assignees(office).pipe(
      catchError((error: unknown) => {
        this.notifier.show(error);
        return of([] as TicketAssigneeView[]);
      }),
      map((agents) => {
        const me = this.auth.user()?.id;
        const choices = agents.map((a): AssignChoice => ({
          id: a.id,
          name: a.id === me ? this.i18n.t('agent.bulk.me', { name: a.name }) : a.name,
          openTickets: a.openTickets,
        }));
        const mine = choices.findIndex((c) => c.id === me);
        if (mine > 0) choices.unshift(...choices.splice(mine, 1));
        return choices;
      }),
    );
  }

  protected assign(): void {
    const userId = this.chosen();
    if (!userId || this.results()) return;
    const tickets = this.tickets();
    this.results.set(tickets.map((t) => ({ number: t.number, outcome: 'pending', message: null })));
    const sub = from(tickets)
      .pipe(
        mergeMap(
          (t) =>
            this.api.act(t.number, 'assign', t.version, { userId }).pipe(
              map((): BulkAssignResult => ({
                number: t.number,
                outcome: 'assigned',
                message: null,
              })),
              catchError((error: unknown) => of(this.failure(t.number, error))),
            ),
          PARALLEL,
        ),
      )
      .subscribe({
        next: (result) =>
          this.results.update((list) =>
            (list ?? []).map((r) => (r.number === result.number ? result : r)),
          ),
        complete: () => this.finished.emit(this.results() ?? []),
      });
    this.destroyRef.onDestroy(() => sub.unsubscribe());
  }

  private failure(number: string, error: unknown): BulkAssignResult {
    const conflict = error instanceof HttpErrorResponse && error.status === 409;
    return {
      number,
      outcome: conflict ? 'conflict' : 'error',
      message: conflict ? null : this.notifier.describe(error),
    };
  }

  protected outcomeLabel(outcome: BulkAssignOutcome): 'agent.bulk.outcome.assigned' {
    return `agent.bulk.outcome.${outcome}` as 'agent.bulk.outcome.assigned';
  }

  protected close(): void {
    this.closed.emit();
  }
}
