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
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { HttpErrorResponse } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  type FileComplaintRequest,
  type FileComplaintResponse,
} from '@sigap/contracts';
import { catchError, map, of } from 'rxjs';
import type { MessageKey } from '../i18n/id';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { focusFirstInvalid, lengthCount } from '../shared/form-focus';
import { fieldErrorsOf, problemOf } from '../shared/problem';
import { formatInZone } from '../shared/zoned-date';
import { PublicApi } from './public.api';

const TICKET_NUMBER = /^[A-Za-z0-9]{2,12}-\d{4}-\d{6}$/;
/** The API's limits (`FileComplaintDto`), shown as counters while typing. */
const LIMITS = { name: 200, email: 254, text: 5000 } as const;
const FIELDS = ['office', 'service', 'category', 'name', 'email', 'phone', 'text', 'relatedTicket'];

/**
 * The complaint form (pengaduan, saran, masukan), reusable outside the public page: the portal
 * embeds it with the office and the requester known (`office`, `lockOffice`, `name`, `email`).
 * Sends to `POST /api/v1/public/complaints`; `filed` emits the answer (number, due).
 */
@Component({
  selector: 'sg-complaint-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    @if (done(); as d) {
      <div class="done" role="status" data-test="complaint-done">
        <p>
          <strong>{{ 'pub.cf.done' | t: { number: d.number } }}</strong>
        </p>
        @if (d.dueAt) {
          <p>{{ 'pub.cf.doneDue' | t: { due: dueText(d.dueAt, d.timeZone) } }}</p>
        }
        <p>{{ 'pub.cf.doneMail' | t }}</p>
        <p>
          {{ 'pub.cf.doneTrack' | t }}
          <a [routerLink]="d.trackPath" data-test="complaint-track">{{ 'pub.cf.trackLink' | t }}</a>
        </p>
        <button mat-stroked-button type="button" (click)="again()">
          {{ 'pub.cf.another' | t }}
        </button>
      </div>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-test="complaint-form">
        <mat-form-field>
          <mat-label>{{ 'pub.cf.office' | t }}</mat-label>
          <mat-select formControlName="office" data-test="cf-office">
            @for (o of offices.value() ?? []; track o.code) {
              <mat-option [value]="o.code">{{ o.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.office.invalid) {
            <mat-error>{{ errorOf('office') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.service' | t }}</mat-label>
          <mat-select formControlName="service" data-test="cf-service">
            <mat-option value="">{{ 'pub.cf.serviceNone' | t }}</mat-option>
            @for (s of services.value() ?? []; track s.code) {
              <mat-option [value]="s.code">{{ s.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.service.invalid) {
            <mat-error>{{ errorOf('service') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.category' | t }}</mat-label>
          <mat-select formControlName="category" data-test="cf-category">
            @for (c of categories; track c) {
              <mat-option [value]="c">{{ categoryLabel(c) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.name' | t }}</mat-label>
          <input
            matInput
            formControlName="name"
            autocomplete="name"
            [maxlength]="limits.name"
            data-test="cf-name"
          />
          <mat-hint align="end" data-test="cf-name-count">{{
            count(form.controls.name.value, limits.name)
          }}</mat-hint>
          @if (form.controls.name.invalid) {
            <mat-error>{{ errorOf('name') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.email' | t }}</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="email"
            data-test="cf-email"
          />
          @if (form.controls.email.invalid) {
            <mat-error>{{ errorOf('email') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.phone' | t }}</mat-label>
          <input matInput type="tel" formControlName="phone" autocomplete="tel" />
          @if (form.controls.phone.invalid) {
            <mat-error>{{ errorOf('phone') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'pub.cf.text' | t }}</mat-label>
          <textarea
            matInput
            rows="6"
            formControlName="text"
            [maxlength]="limits.text"
            data-test="cf-text"
          ></textarea>
          <mat-hint>{{ 'pub.cf.textHint' | t }}</mat-hint>
          <mat-hint align="end" data-test="cf-text-count">{{
            count(form.controls.text.value, limits.text)
          }}</mat-hint>
          @if (form.controls.text.invalid) {
            <mat-error>{{ errorOf('text') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'pub.cf.related' | t }}</mat-label>
          <input matInput formControlName="relatedTicket" data-test="cf-related" />
          <mat-hint>{{ 'pub.cf.relatedHint' | t }}</mat-hint>
          @if (form.controls.relatedTicket.invalid) {
            <mat-error>{{ errorOf('relatedTicket') }}</mat-error>
          }
        </mat-form-field>
        <div class="hp" aria-hidden="true">
          <label
            >{{ 'pub.cf.honeypot' | t }}
            <input formControlName="website" tabindex="-1" autocomplete="off" />
          </label>
        </div>
        @if (failure()) {
          <p class="failure" role="alert" data-test="cf-failure">{{ failure() }}</p>
        }
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="sending()" data-test="cf-submit">
            {{ (sending() ? 'pub.cf.submitting' : 'pub.cf.submit') | t }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 4px 16px;
    }
    .wide,
    .actions,
    .failure {
      grid-column: 1 / -1;
    }
    .hp {
      position: absolute;
      left: -10000px;
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
    .failure {
      color: var(--mat-sys-error);
    }
    .done {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
  `,
})
export class ComplaintFormComponent {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(FormBuilder);

  /** Office code chosen in advance (from the page's address or the portal's user). */
  readonly office = input<string | null>(null);
  /** Service code chosen in advance. */
  readonly service = input<string | null>(null);
  /** The office cannot be changed (the portal). */
  readonly lockOffice = input(false);
  /** Known requester (the portal): filled in for them. */
  readonly name = input<string | null>(null);
  readonly email = input<string | null>(null);
  readonly filed = output<FileComplaintResponse>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly categories = COMPLAINT_CATEGORIES;
  protected readonly limits = LIMITS;
  protected readonly count = lengthCount;
  protected readonly sending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly done = signal<FileComplaintResponse | null>(null);
  private readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = this.fb.nonNullable.group({
    office: ['', Validators.required],
    service: [''],
    category: ['pengaduan' as ComplaintCategory, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(LIMITS.name)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(LIMITS.email)]],
    phone: ['', Validators.pattern(/^\+?[0-9 ()-]{6,30}$/)],
    text: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(LIMITS.text)]],
    relatedTicket: ['', Validators.pattern(TICKET_NUMBER)],
    website: [''],
  });

  protected readonly offices = rxResource({ stream: () => this.api.offices() });
  private readonly officeValue = toSignal(this.form.controls.office.valueChanges, {
    initialValue: '',
  });
  private readonly chosenOffice = computed(() => this.officeValue() || this.office() || '');
  protected readonly services = rxResource({
    params: () => this.chosenOffice(),
    stream: ({ params }) => {
      if (!params) return of([]);
      return this.api.office(params).pipe(
        map((detail) => detail.services),
        catchError(() => of([])),
      );
    },
  });

  constructor() {
    effect(() => {
      const office = this.office();
      const service = this.service();
      const name = this.name();
      const email = this.email();
      if (office) this.form.controls.office.setValue(office);
      if (service) this.form.controls.service.setValue(service);
      if (name) this.form.controls.name.setValue(name);
      if (email) this.form.controls.email.setValue(email);
      if (this.lockOffice()) this.form.controls.office.disable();
      else this.form.controls.office.enable();
    });
  }

  protected categoryLabel(category: ComplaintCategory): string {
    return this.i18n.t(`pub.cf.category.${category}` as MessageKey);
  }

  protected dueText(dueAt: string, timeZone: string): string {
    return formatInZone(dueAt, timeZone, this.i18n.locale());
  }

  protected errorOf(field: string): string {
    const control = this.form.get(field);
    const server = this.serverErrors()[field];
    if (control?.hasError('server') && server) return server;
    if (control?.hasError('required')) return this.i18n.t('pub.cf.required');
    if (control?.hasError('email')) return this.i18n.t('pub.cf.emailInvalid');
    if (control?.hasError('minlength')) return this.i18n.t('pub.cf.textShort');
    if (field === 'relatedTicket' && control?.hasError('pattern'))
      return this.i18n.t('pub.cf.relatedInvalid');
    return server ?? '';
  }

  protected submit(): void {
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      void focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const body: FileComplaintRequest = {
      office: v.office,
      category: v.category,
      name: v.name.trim(),
      email: v.email.trim(),
      text: v.text.trim(),
      ...(v.service ? { service: v.service } : {}),
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.relatedTicket.trim() ? { relatedTicket: v.relatedTicket.trim().toUpperCase() } : {}),
      ...(v.website ? { website: v.website } : {}),
    };
    this.sending.set(true);
    this.api.fileComplaint(body).subscribe({
      next: (answer) => {
        this.sending.set(false);
        this.done.set(answer);
        this.filed.emit(answer);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.showError(error);
      },
    });
  }

  protected again(): void {
    const keep = this.form.getRawValue();
    this.done.set(null);
    this.form.reset({
      office: keep.office,
      service: '',
      category: 'pengaduan',
      name: keep.name,
      email: keep.email,
      phone: keep.phone,
    });
  }

  private showError(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 429) {
      this.failure.set(this.i18n.t('pub.cf.tooMany'));
      return;
    }
    const problem = problemOf(error);
    const fields = fieldErrorsOf(problem);
    this.serverErrors.set(fields);
    let marked = false;
    for (const field of FIELDS) {
      if (!fields[field]) continue;
      const control = this.form.get(field);
      control?.setErrors({ ...(control.errors ?? {}), server: true });
      control?.markAsTouched();
      marked = true;
    }
    const detail = problem?.detail ?? problem?.title;
    this.failure.set(marked ? null : (detail ?? this.i18n.t('pub.cf.failed')));
    if (marked) void focusFirstInvalid(this.host.nativeElement);
  }
}
