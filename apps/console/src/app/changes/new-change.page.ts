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
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CHANGE_RISKS,
  FIELD_LIMITS,
  type ChangeApprovalPolicyView,
  type ChangeRisk,
  type ItServiceView,
  type OpdView,
  type OpenChangeRequest,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ItServicesApi } from '../it-services/it-services.api';
import { INCIDENT_CHANNELS } from '../it-services/new-incident.page';
import { ChosenOffice } from '../shared/chosen-office';
import { lengthCount } from '../shared/form-focus';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { PHONE_PATTERN } from '../tickets/open-ticket.page';
import { TicketsApi } from '../tickets/tickets.api';
import { ChangesApi, wallClockToIso } from './changes.api';

/**
 * `/tiket/perubahan-baru` ("Ajukan perubahan"): an agent records a planned change: the affected
 * IT services, its risk (the approvers the office set for it are shown before saving), the
 * planned window on the office's clock, the rollback plan and the requester (of an OPD). An
 * overlap with another change is told after saving, not refused.
 */
@Component({
  selector: 'sg-new-change-page',
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
      <h1>{{ 'chg.new.title' | t }}</h1>
      <p class="muted">{{ 'chg.new.intro' | t }}</p>
      @if (isAdmin()) {
        <sg-office-select
          [offices]="offices()"
          [value]="office()"
          (chosen)="chooseOffice($event)"
        />
      }
      <form [formGroup]="form" (ngSubmit)="submit()" class="form" data-test="change-form">
        <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
          <mat-label>{{ 'chg.new.services' | t }}</mat-label>
          <mat-select formControlName="services" multiple data-test="chg-services">
            @for (item of services(); track item.code) {
              <mat-option [value]="item.code">{{ item.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errors()['services'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'chg.risk' | t }}</mat-label>
          <mat-select formControlName="risk" data-test="chg-risk">
            @for (r of risks; track r) {
              <mat-option [value]="r">{{ key('chg.risk', r) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <p class="preview" aria-live="polite" data-test="chg-approvers">
          @if (approvers(); as list) {
            {{
              list.length
                ? ('chg.new.approvers' | t: { list: list.join(' → ') })
                : ('chg.new.noApprovers' | t)
            }}
          }
        </p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'chg.new.start' | t }}</mat-label>
          <input matInput type="datetime-local" formControlName="start" data-test="chg-start" />
          <mat-error>{{ errors()['plannedStart'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'chg.new.end' | t }}</mat-label>
          <input matInput type="datetime-local" formControlName="end" data-test="chg-end" />
          <mat-error>{{ errors()['plannedEnd'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'chg.new.subject' | t }}</mat-label>
          <input
            matInput
            formControlName="subject"
            [attr.maxlength]="limit.subject"
            data-test="chg-subject"
          />
          <mat-hint align="end">{{ count(value().subject, limit.subject) }}</mat-hint>
          <mat-error>{{ errors()['subject'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'chg.new.description' | t }}</mat-label>
          <textarea
            matInput
            rows="4"
            formControlName="description"
            [attr.maxlength]="limit.description"
            data-test="chg-description"
          ></textarea>
          <mat-hint align="end">{{ count(value().description, limit.description) }}</mat-hint>
          <mat-error>{{ errors()['description'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'chg.new.rollback' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="rollbackPlan"
            [attr.maxlength]="limit.rollbackPlan"
            data-test="chg-rollback"
          ></textarea>
          <mat-hint align="end">{{ count(value().rollbackPlan, limit.rollbackPlan) }}</mat-hint>
          <mat-error>{{ errors()['rollbackPlan'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.channel' | t }}</mat-label>
          <mat-select formControlName="channel" data-test="chg-channel">
            @for (item of channels; track item) {
              <mat-option [value]="item">{{ key('tickets.channel', item) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'chg.new.requester' | t }}</mat-label>
          <input
            matInput
            formControlName="name"
            [attr.maxlength]="limit.name"
            data-test="chg-name"
          />
          <mat-error>{{ errors()['requester.name'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" data-test="chg-email" />
          <mat-error>{{ errors()['requester.email'] ?? ('tickets.open.email' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inc.new.phone' | t }}</mat-label>
          <input matInput type="tel" formControlName="phone" data-test="chg-phone" />
          <mat-error>{{
            errors()['requester.phone'] ?? errors()['requester'] ?? ('staff.open.phoneInvalid' | t)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'chg.new.opd' | t }}</mat-label>
          <mat-select formControlName="opdId" data-test="chg-opd">
            <mat-option [value]="''">{{ 'tickets.open.noOpd' | t }}</mat-option>
            @for (item of opds(); track item.id) {
              <mat-option [value]="item.id">{{ item.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="wide">
          <button mat-flat-button type="submit" [disabled]="saving()" data-test="chg-submit">
            {{ 'chg.new.submit' | t }}
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
      margin: 8px 0 16px;
    }
  `,
})
export class NewChangePage {
  private readonly api = inject(ChangesApi);
  private readonly itServices = inject(ItServicesApi);
  private readonly tickets = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());

  protected readonly channels = INCIDENT_CHANNELS;
  protected readonly risks = CHANGE_RISKS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    services: [[] as string[], Validators.required],
    risk: ['sedang' as ChangeRisk, Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
    channel: ['letter' as OpenChangeRequest['channel'], Validators.required],
    name: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.contact.name)]],
    email: ['', Validators.email],
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    opdId: [''],
    subject: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.change.subject)]],
    description: [
      '',
      [
        Validators.required,
        Validators.minLength(5),
        Validators.maxLength(FIELD_LIMITS.change.description),
      ],
    ],
    rollbackPlan: [
      '',
      [
        Validators.required,
        Validators.minLength(5),
        Validators.maxLength(FIELD_LIMITS.change.rollbackPlan),
      ],
    ],
  });
  protected readonly limit = {
    name: FIELD_LIMITS.contact.name,
    subject: FIELD_LIMITS.change.subject,
    description: FIELD_LIMITS.change.description,
    rollbackPlan: FIELD_LIMITS.change.rollbackPlan,
  };
  protected readonly count = lengthCount;
  protected readonly saving = signal(false);
  protected readonly errors = signal<Partial<Record<string, string>>>({});
  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly office = computed(
    () => this.chosenOffice.code() || this.auth.user()?.office || (this.offices()[0]?.code ?? null),
  );
  private readonly timeZone = computed(
    () => this.offices().find((o) => o.code === this.office())?.timeZone ?? 'Asia/Jakarta',
  );
  protected readonly services = signal<ItServiceView[]>([]);
  protected readonly opds = signal<OpdView[]>([]);
  private readonly policy = signal<ChangeApprovalPolicyView | null>(null);
  protected readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  /** The positions that will approve a change of the chosen risk (null while loading). */
  protected readonly approvers = computed(() => {
    const rule = this.policy()?.rules.find((r) => r.risk === (this.value().risk ?? 'sedang'));
    return rule ? rule.approvers.map((a) => `${a.position} (${a.time})`) : null;
  });

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      if (!office) return;
      const a = this.itServices.list(office).subscribe({
        next: (list) => this.services.set(list),
        error: (e: unknown) => this.notifier.show(e),
      });
      const b = this.api
        .policy(office)
        .pipe(catchError(() => of(null)))
        .subscribe((p) => this.policy.set(p));
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
    const plannedStart = wallClockToIso(v.start, this.timeZone());
    const plannedEnd = wallClockToIso(v.end, this.timeZone());
    if (!plannedStart || !plannedEnd) {
      this.form.controls.start.setErrors({ format: true });
      return;
    }
    this.saving.set(true);
    this.errors.set({});
    this.api
      .open({
        office,
        services: v.services,
        risk: v.risk,
        channel: v.channel,
        subject: v.subject.trim(),
        description: v.description,
        rollbackPlan: v.rollbackPlan,
        plannedStart,
        plannedEnd,
        requester: {
          name: v.name.trim(),
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
          ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.opdId ? { opdId: v.opdId } : {}),
        },
      })
      .subscribe({
        next: (res) => {
          const overlap = res.warnings.find((w) => w.code === 'change.overlap');
          if (overlap)
            this.snack.open(
              this.i18n.t('chg.new.overlap', {
                list: overlap.overlaps.map((o) => o.number).join(', '),
              }),
              this.i18n.t('app.close'),
              { duration: 10000 },
            );
          void this.router.navigate(['/tiket', res.change.number]);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const fields = Object.fromEntries(
            Object.entries(fieldErrorsOf(problemOf(error))).map(([path, message]) => [
              path.replace(/\[\d+\]$/, ''),
              message,
            ]),
          );
          this.errors.set(fields);
          // "e-mail or phone" of the requester is shown under the phone.
          const controls: Record<string, string> = {
            plannedStart: 'start',
            plannedEnd: 'end',
            requester: 'phone',
          };
          for (const [path, message] of Object.entries(fields)) {
            const name = path.startsWith('requester.') ? path.slice('requester.'.length) : path;
            const control = this.form.get(controls[name] ?? name);
            control?.setErrors({ server: message });
            control?.markAsTouched();
          }
          this.notifier.show(error);
        },
      });
  }
}
