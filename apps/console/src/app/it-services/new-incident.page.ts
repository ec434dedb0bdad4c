import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  type IncidentLevel,
  type ItServiceView,
  type OpdView,
  type OpenIncidentRequest,
  type PriorityMatrixView,
  type PriorityTarget,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ChosenOffice } from '../shared/chosen-office';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { PHONE_PATTERN } from '../tickets/open-ticket.page';
import { TicketsApi } from '../tickets/tickets.api';
import { ItServicesApi } from './it-services.api';

export const INCIDENT_CHANNELS: readonly OpenIncidentRequest['channel'][] = [
  'phone',
  'walk-in',
  'email',
  'portal',
  'letter',
];

/** The priority and targets impact x urgency gives in a matrix (null while it is loading). */
export function previewPriority(
  matrix: PriorityMatrixView | null,
  impact: IncidentLevel,
  urgency: IncidentLevel,
): PriorityTarget | null {
  const cell = matrix?.cells.find((c) => c.impact === impact && c.urgency === urgency);
  return (cell && matrix?.targets.find((t) => t.priority === cell.priority)) ?? null;
}

/**
 * `/tiket/gangguan-baru`: an agent records an incident (gangguan) reported by phone, in person,
 * by e-mail or on the portal: the affected IT services, impact and urgency (the office's matrix
 * gives the priority and its targets, shown before saving), the reporter and what happened.
 */
@Component({
  selector: 'sg-new-incident-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/tiket"><mat-icon svgIcon="back" />{{ 'tickets.back' | t }}</a>
      <h1>{{ 'inc.new.title' | t }}</h1>
      @if (isAdmin()) {
        <sg-office-select
          [offices]="offices()"
          [value]="office()"
          (chosen)="chooseOffice($event)"
        />
      }
      <form [formGroup]="form" (ngSubmit)="submit()" class="form" data-test="incident-form">
        <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.new.services' | t }}</mat-label>
          <mat-select formControlName="services" multiple data-test="inc-services">
            @for (item of services(); track item.code) {
              <mat-option [value]="item.code"
                >{{ item.name }} ({{ key('its.hours', item.supportHours) | t }})</mat-option
              >
            }
          </mat-select>
          <mat-hint>{{ 'inc.new.servicesHint' | t }}</mat-hint>
          <mat-error>{{ errors()['services'] ?? '' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.impact' | t }}</mat-label>
          <mat-select formControlName="impact" data-test="inc-impact">
            @for (l of levels; track l) {
              <mat-option [value]="l">{{ key('its.level', l) | t }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'inc.impactHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.urgency' | t }}</mat-label>
          <mat-select formControlName="urgency" data-test="inc-urgency">
            @for (l of levels; track l) {
              <mat-option [value]="l">{{ key('its.level', l) | t }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'inc.urgencyHint' | t }}</mat-hint>
        </mat-form-field>
        <p class="wide preview" aria-live="polite" data-test="inc-preview">
          @if (preview(); as p) {
            <span class="priority-badge" [attr.data-priority]="p.priority">{{ p.priority }}</span>
            {{
              'inc.new.preview'
                | t: { name: p.name, response: p.response, resolution: p.resolution }
            }}
            @if (roundTheClock()) {
              · {{ 'inc.new.roundTheClock' | t }}
            }
          }
        </p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.channel' | t }}</mat-label>
          <mat-select formControlName="channel" data-test="inc-channel">
            @for (item of channels; track item) {
              <mat-option [value]="item">{{ key('tickets.channel', item) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.reporter' | t }}</mat-label>
          <input
            matInput
            formControlName="name"
            [attr.maxlength]="limit.name"
            data-test="inc-name"
          />
          <mat-hint align="end" data-test="field-count">{{
            count(value().name, limit.name)
          }}</mat-hint>
          <mat-error>{{ errors()['requester.name'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" data-test="inc-email" />
          <mat-error>{{ errors()['requester.email'] ?? ('tickets.open.email' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.phone' | t }}</mat-label>
          <input matInput type="tel" formControlName="phone" data-test="inc-phone" />
          <mat-error>{{
            errors()['requester.phone'] ?? ('staff.open.phoneInvalid' | t)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.opd' | t }}</mat-label>
          <mat-select formControlName="opdId" data-test="inc-opd">
            <mat-option [value]="''">{{ 'tickets.open.noOpd' | t }}</mat-option>
            @for (item of opds(); track item.id) {
              <mat-option [value]="item.id">{{ item.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'inc.new.subject' | t }}</mat-label>
          <input
            matInput
            formControlName="subject"
            [attr.maxlength]="limit.subject"
            data-test="inc-subject"
          />
          <mat-hint align="end" data-test="field-count">{{
            count(value().subject, limit.subject)
          }}</mat-hint>
          <mat-error>{{ errors()['subject'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'inc.new.description' | t }}</mat-label>
          <textarea
            matInput
            rows="5"
            formControlName="description"
            [attr.maxlength]="limit.description"
            data-test="inc-description"
          ></textarea>
          <mat-hint align="end" data-test="field-count">{{
            count(value().description, limit.description)
          }}</mat-hint>
          <mat-error>{{ errors()['description'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <div class="wide">
          <button mat-flat-button type="submit" [disabled]="saving()" data-test="inc-submit">
            {{ 'inc.new.submit' | t }}
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 12px 16px;
      align-items: start;
      max-width: 900px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .preview {
      min-height: 1.5em;
      margin: 8px 0 16px;
    }
  `,
})
export class NewIncidentPage {
  private readonly api = inject(ItServicesApi);
  private readonly tickets = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());

  protected readonly channels = INCIDENT_CHANNELS;
  protected readonly levels = INCIDENT_LEVELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    services: [[] as string[]],
    impact: ['sedang' as IncidentLevel, Validators.required],
    urgency: ['sedang' as IncidentLevel, Validators.required],
    channel: ['phone' as OpenIncidentRequest['channel'], Validators.required],
    name: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.contact.name)]],
    email: ['', Validators.email],
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    opdId: [''],
    subject: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.incident.subject)]],
    description: [
      '',
      [
        Validators.required,
        Validators.minLength(5),
        Validators.maxLength(FIELD_LIMITS.incident.description),
      ],
    ],
  });
  /** The API's limits of the texts typed here, shown as counters. */
  protected readonly limit = {
    name: FIELD_LIMITS.contact.name,
    subject: FIELD_LIMITS.incident.subject,
    description: FIELD_LIMITS.incident.description,
  };
  protected readonly count = lengthCount;
  protected readonly saving = signal(false);
  protected readonly errors = signal<Partial<Record<string, string>>>({});
  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly office = computed(
    () => this.chosenOffice.code() || (this.offices()[0]?.code ?? null),
  );
  protected readonly services = signal<ItServiceView[]>([]);
  protected readonly opds = signal<OpdView[]>([]);
  private readonly matrix = signal<PriorityMatrixView | null>(null);
  protected readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly preview = computed(() => {
    const v = this.value();
    return previewPriority(this.matrix(), v.impact ?? 'sedang', v.urgency ?? 'sedang');
  });
  /** One of the chosen services is supported 24x7: the clocks run round the clock. */
  protected readonly roundTheClock = computed(() => {
    const chosen = new Set(this.value().services ?? []);
    return this.services().some((s) => chosen.has(s.code) && s.supportHours === '24x7');
  });

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      if (!office) return;
      const a = this.api.list(office).subscribe({
        next: (list) => this.services.set(list),
        error: (e: unknown) => this.notifier.show(e),
      });
      const b = this.api.matrix(office).subscribe({
        next: (m) => this.matrix.set(m),
        error: (e: unknown) => this.notifier.show(e),
      });
      const c = this.tickets
        .opds(office)
        .pipe(catchError(() => of([] as OpdView[])))
        .subscribe((list) => this.opds.set(list));
      onCleanup(() => {
        a.unsubscribe();
        b.unsubscribe();
        c.unsubscribe();
      });
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected chooseOffice(code: string): void {
    this.chosenOffice.set(code);
    this.form.patchValue({ services: [], opdId: '' });
  }

  protected submit(): void {
    const office = this.office();
    if (this.form.invalid || !office) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.errors.set({});
    this.api
      .openIncident({
        office,
        services: v.services,
        impact: v.impact,
        urgency: v.urgency,
        channel: v.channel,
        subject: v.subject.trim(),
        description: v.description,
        requester: {
          name: v.name.trim(),
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
          ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.opdId ? { opdId: v.opdId } : {}),
        },
      })
      .subscribe({
        next: (ticket) => void this.router.navigate(['/tiket', ticket.number]),
        error: (error: unknown) => {
          this.saving.set(false);
          // `services[0]` is shown under the services field.
          const fields = Object.fromEntries(
            Object.entries(fieldErrorsOf(problemOf(error))).map(([path, message]) => [
              path.replace(/\[\d+\]$/, ''),
              message,
            ]),
          );
          this.errors.set(fields);
          for (const [path, message] of Object.entries(fields)) {
            const name = path.startsWith('requester.') ? path.slice('requester.'.length) : path;
            const control = this.form.get(name);
            control?.setErrors({ server: message });
            control?.markAsTouched();
          }
          this.notifier.show(error);
        },
      });
  }
}
