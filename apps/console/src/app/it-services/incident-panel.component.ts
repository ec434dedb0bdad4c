import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  type IncidentLevel,
  type IncidentView,
  type ItServiceView,
  type PriorityMatrixView,
  type TicketDetail,
} from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { lengthCount } from '../shared/form-focus';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { IncidentPublicNoticeComponent } from './incident-public-notice.component';
import { ItServicesApi } from './it-services.api';
import { MajorIncidentComponent } from './major-incident.component';
import { previewPriority } from './new-incident.page';

/**
 * The incident side of a ticket in the workspace. For an incident: its priority, impact and
 * urgency, targets and affected services, and (for the helpdesk) a change of impact or urgency,
 * which recomputes priority and targets. For a mail waiting in triage: turning it into an
 * incident (affected services, impact, urgency), timed from the mail's receipt.
 */
@Component({
  selector: 'sg-incident-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MajorIncidentComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    IncidentPublicNoticeComponent,
  ],
  template: `
    <section class="incident" data-test="incident-panel" aria-labelledby="incident-title">
      @if (mode() === 'incident') {
        <h2 id="incident-title">{{ 'inc.ws.title' | t }}</h2>
        @if (view(); as v) {
          <p data-test="incident-priority">
            <span class="priority-badge" [attr.data-priority]="v.priority">{{ v.priority }}</span>
            {{ v.priorityName }} ·
            {{
              'inc.ws.levels' | t: { impact: levelName(v.impact), urgency: levelName(v.urgency) }
            }}
          </p>
          <p class="muted" data-test="incident-targets">
            {{ 'inc.ws.targets' | t: { response: v.response, resolution: v.resolution } }} ·
            {{ key('its.hours', v.supportHours) | t }}
          </p>
          <p class="muted" data-test="incident-services">
            {{ 'inc.ws.services' | t }}:
            @for (s of v.services; track s.code; let last = $last) {
              {{ s.name }}{{ last ? '' : ', ' }}
            } @empty {
              {{ 'inc.ws.noServices' | t }}
            }
          </p>
          <sg-incident-public-notice
            [ticket]="ticket()"
            [view]="v"
            [canAct]="canAct()"
            (changed)="changed.emit()"
          />
        }
      } @else {
        <h2 id="incident-title">{{ 'inc.triage.title' | t }}</h2>
        <p class="muted">{{ 'inc.triage.intro' | t }}</p>
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
            <mat-label>{{ 'inc.new.services' | t }}</mat-label>
            <mat-select
              multiple
              [value]="services()"
              (valueChange)="services.set($event)"
              data-test="triage-inc-services"
            >
              @for (s of catalog(); track s.code) {
                <mat-option [value]="s.code">{{ s.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
      }
      @if (canAct()) {
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'inc.impact' | t }}</mat-label>
            <mat-select [value]="impact()" (valueChange)="impact.set($event)" data-test="ws-impact">
              @for (l of levels; track l) {
                <mat-option [value]="l">{{ levelName(l) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'inc.urgency' | t }}</mat-label>
            <mat-select
              [value]="urgency()"
              (valueChange)="urgency.set($event)"
              data-test="ws-urgency"
            >
              @for (l of levels; track l) {
                <mat-option [value]="l">{{ levelName(l) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (mode() === 'incident') {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>{{ 'inc.ws.reason' | t }}</mat-label>
              <input
                matInput
                [attr.maxlength]="reasonMax"
                [value]="reason()"
                (input)="reason.set($any($event.target).value)"
                data-test="ws-priority-reason"
              />
              <mat-hint align="end" data-test="field-count">{{
                count(reason(), reasonMax)
              }}</mat-hint>
            </mat-form-field>
          }
        </div>
        <p class="muted" aria-live="polite" data-test="ws-preview">
          @if (preview(); as p) {
            <span class="priority-badge" [attr.data-priority]="p.priority">{{ p.priority }}</span>
            {{
              'inc.new.preview'
                | t: { name: p.name, response: p.response, resolution: p.resolution }
            }}
          }
        </p>
        <button
          mat-flat-button
          type="button"
          [disabled]="busy() || !changedLevels()"
          (click)="save()"
          data-test="ws-priority-save"
        >
          {{ (mode() === 'incident' ? 'inc.ws.change' : 'inc.triage.convert') | t }}
        </button>
      }
      @if (mode() === 'incident' && view(); as v) {
        <sg-major-incident [ticket]="ticket()" [view]="v" (changed)="changed.emit()" />
      }
    </section>
  `,
  styles: `
    .incident {
      border: 1px solid var(--mat-sys-outline-variant, #c4c6d0);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 16px 0;
    }
    .row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    .grow {
      flex: 1 1 260px;
    }
  `,
})
export class IncidentPanelComponent {
  /** The API's limit for the reason of a priority change, shown as a counter. */
  protected readonly reasonMax = FIELD_LIMITS.incident.priorityReason;
  protected readonly count = lengthCount;
  private readonly api = inject(ItServicesApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly ticket = input.required<TicketDetail>();
  /** The ticket changed (priority set or the mail became an incident), or someone else did. */
  readonly changed = output<void>();

  protected readonly levels = INCIDENT_LEVELS;
  protected readonly mode = computed(() =>
    this.ticket().kind === 'incident' ? 'incident' : 'triage',
  );
  /** The helpdesk acts (the API offers it actions); others read. */
  protected readonly canAct = computed(() => this.ticket().allowedActions.length > 0);
  protected readonly view = signal<IncidentView | null>(null);
  protected readonly catalog = signal<ItServiceView[]>([]);
  private readonly matrix = signal<PriorityMatrixView | null>(null);
  protected readonly impact = signal<IncidentLevel>('sedang');
  protected readonly urgency = signal<IncidentLevel>('sedang');
  protected readonly services = signal<string[]>([]);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly preview = computed(() =>
    previewPriority(this.matrix(), this.impact(), this.urgency()),
  );
  /** Something to save: a new impact or urgency (always, for a mail to convert). */
  protected readonly changedLevels = computed(() => {
    const v = this.view();
    if (this.mode() === 'triage') return true;
    return !!v && (v.impact !== this.impact() || v.urgency !== this.urgency());
  });

  constructor() {
    effect((onCleanup) => {
      const t = this.ticket();
      const subs = [
        this.api.matrix(t.office).subscribe({
          next: (m) => this.matrix.set(m),
          error: () => this.matrix.set(null),
        }),
      ];
      if (t.kind === 'incident') {
        subs.push(
          this.api.incident(t.number).subscribe({
            next: (v) =>
              untracked(() => {
                this.view.set(v);
                this.impact.set(v.impact);
                this.urgency.set(v.urgency);
              }),
            error: (e: unknown) => this.notifier.show(e),
          }),
        );
      } else {
        subs.push(
          this.api.list(t.office).subscribe({
            next: (list) => this.catalog.set(list),
            error: (e: unknown) => this.notifier.show(e),
          }),
        );
      }
      onCleanup(() => subs.forEach((s) => s.unsubscribe()));
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected levelName(level: IncidentLevel): string {
    return this.i18n.t(this.key('its.level', level));
  }

  protected save(): void {
    const t = this.ticket();
    if (this.busy()) return;
    this.busy.set(true);
    const request =
      this.mode() === 'incident'
        ? this.api.changePriority(t.number, {
            impact: this.impact(),
            urgency: this.urgency(),
            reason: this.reason().trim() || null,
            expectedVersion: t.version,
          })
        : this.api.fromTriage(t.number, {
            services: this.services(),
            impact: this.impact(),
            urgency: this.urgency(),
            expectedVersion: t.version,
          });
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.reason.set('');
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.snackBar.open(this.i18n.t('tickets.stale'), this.i18n.t('app.close'), {
            duration: 8000,
            panelClass: 'sg-snack-error',
          });
          this.changed.emit();
        } else {
          this.notifier.show(error);
        }
      },
    });
  }
}
