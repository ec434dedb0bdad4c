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
import { FIELD_LIMITS } from '@sigap/contracts';
import type {
  OpdView,
  ServiceDetail,
  ServiceSummary,
  TicketChannel,
  TicketDetail,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { AdminApi } from '../admin/admin.api';
import { ChosenOffice } from '../shared/chosen-office';
import { lengthCount } from '../shared/form-focus';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { UploadListComponent } from '../shared/upload-list.component';
import { UploadQueue } from '../shared/upload-queue';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { TicketsApi } from './tickets.api';

export const CHANNELS: readonly TicketChannel[] = ['letter', 'email', 'portal', 'walk-in', 'phone'];

/** A phone number as the API accepts it. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,40}$/;

/**
 * The channels a service's standard serves: its requirement options' channels and the channels
 * with a time of their own, in the console's order; empty when the standard names none.
 */
export function standardChannels(detail: ServiceDetail | null): TicketChannel[] {
  const named = new Set<string>();
  for (const requirement of detail?.standard.requirements ?? []) {
    for (const option of requirement.options ?? []) {
      if (option.channel) named.add(option.channel);
      for (const also of option.alsoChannels ?? []) named.add(also);
    }
  }
  for (const own of detail?.standard.serviceTime.byChannel ?? []) named.add(own.channel);
  return CHANNELS.filter((c) => named.has(c));
}

/** Which contact the channel needs: an e-mail, a phone number, or either one. */
export function contactNeeded(channel: TicketChannel): 'email' | 'phone' | 'either' {
  if (channel === 'email' || channel === 'portal') return 'email';
  if (channel === 'phone') return 'phone';
  return 'either';
}

/** `/tiket/baru`: an agent records a request (service, channel, requester) and opens a ticket. */
@Component({
  selector: 'sg-open-ticket-page',
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
    UploadListComponent,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/tiket"><mat-icon svgIcon="back" />{{ 'tickets.back' | t }}</a>
      <h1>{{ 'tickets.open.title' | t }}</h1>
      @if (isAdmin()) {
        <!-- An admin opens tickets for any office; the choice follows them to the queue. -->
        <sg-office-select
          [offices]="offices()"
          [value]="office()"
          (chosen)="chooseOffice($event)"
        />
      }
      <form [formGroup]="form" (ngSubmit)="submit()" class="form" data-test="open-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.service' | t }}</mat-label>
          <mat-select formControlName="service" data-test="open-service">
            @for (item of activeServices(); track item.code) {
              <mat-option [value]="item.code">{{ item.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errors()['service'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.channel' | t }}</mat-label>
          <mat-select formControlName="channel" data-test="open-channel">
            @for (item of channels; track item) {
              <mat-option [value]="item">{{ key('tickets.channel', item) | t }}</mat-option>
            }
          </mat-select>
          @if (allowedText(); as allowed) {
            <mat-hint data-test="channel-hint">{{
              'staff.open.channelHint' | t: { channels: allowed }
            }}</mat-hint>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.requesterName' | t }}</mat-label>
          <input matInput formControlName="name" data-test="open-name" />
          <mat-error>{{ errors()['requester.name'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.requesterEmail' | t }}</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            [required]="needs() === 'email'"
            data-test="open-email"
          />
          @if (needs() === 'either') {
            <mat-hint data-test="contact-hint">{{ 'staff.open.contactNeeded' | t }}</mat-hint>
          }
          <mat-error data-test="email-error">{{ emailError() | t }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'staff.open.phone' | t }}</mat-label>
          <input
            matInput
            type="tel"
            autocomplete="tel"
            formControlName="phone"
            [required]="needs() === 'phone'"
            data-test="open-phone"
          />
          <mat-error data-test="phone-error">{{ phoneError() | t }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.opd' | t }}</mat-label>
          <mat-select formControlName="opdId" data-test="open-opd">
            <mat-option [value]="''">{{ 'tickets.open.noOpd' | t }}</mat-option>
            @for (item of opds(); track item.id) {
              <mat-option [value]="item.id">{{ item.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="new-opd">
          @if (addingOpd()) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'staff.open.newOpdName' | t }}</mat-label>
              <input
                #opdName
                matInput
                [value]="newOpdName()"
                (input)="newOpdName.set(opdName.value)"
                (keydown.enter)="$event.preventDefault(); addOpd()"
                data-test="new-opd-name"
              />
            </mat-form-field>
            <button
              mat-stroked-button
              type="button"
              [disabled]="savingOpd() || !newOpdName().trim()"
              (click)="addOpd()"
              data-test="add-opd"
            >
              {{ 'staff.open.addOpd' | t }}
            </button>
            <button mat-button type="button" (click)="addingOpd.set(false)">
              {{ 'admin.cancel' | t }}
            </button>
          } @else {
            <button mat-button type="button" (click)="addingOpd.set(true)" data-test="new-opd">
              <mat-icon svgIcon="add" />{{ 'staff.open.newOpd' | t }}
            </button>
          }
        </div>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'tickets.open.subject' | t }}</mat-label>
          <input
            matInput
            formControlName="subject"
            [attr.maxlength]="limit.subject"
            data-test="open-subject"
          />
          <mat-error>{{ errors()['subject'] ?? ('tickets.open.required' | t) }}</mat-error>
          <mat-hint align="end" data-test="field-count">{{
            count(form.controls.subject.value, limit.subject)
          }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'tickets.open.description' | t }}</mat-label>
          <textarea
            matInput
            rows="5"
            formControlName="description"
            [attr.maxlength]="limit.description"
            data-test="open-description"
          ></textarea>
          <mat-hint align="end" data-test="field-count">{{
            count(form.controls.description.value, limit.description)
          }}</mat-hint>
        </mat-form-field>
        <fieldset class="wide files" data-test="open-files">
          <legend>{{ 'staff.open.files' | t }}</legend>
          <p class="muted small">{{ 'staff.open.filesHint' | t }}</p>
          <sg-upload-list
            [queue]="uploads"
            blockedText="staff.open.filesBlocked"
            waitingText="staff.open.fileWaiting"
          />
        </fieldset>
        @if (opened(); as ticket) {
          <div class="wide opened" role="status" data-test="opened">
            @if (uploads.hasFailed()) {
              <p class="error" data-test="opened-failed">
                {{ 'staff.open.openedFailed' | t: { number: ticket.number } }}
              </p>
            } @else {
              <p>{{ 'staff.open.openedUploading' | t: { number: ticket.number } }}</p>
            }
            <a mat-stroked-button [routerLink]="['/tiket', ticket.number]" data-test="opened-link">
              {{ 'staff.open.goToTicket' | t: { number: ticket.number } }}
            </a>
          </div>
        } @else {
          <div class="wide">
            <button
              mat-flat-button
              type="submit"
              [disabled]="saving() || uploads.hasFailed()"
              data-test="open-submit"
            >
              {{ 'tickets.open.submit' | t }}
            </button>
          </div>
        }
      </form>
    </section>
  `,
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 4px 16px;
      max-width: 900px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .files {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      margin: 0 0 16px;
      padding: 8px 16px 12px;
      min-width: 0;
    }
    .files legend {
      padding: 0 4px;
    }
    .opened {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .opened p {
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .new-opd {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class OpenTicketPage {
  private readonly api = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly adminApi = inject(AdminApi);
  private readonly i18n = inject(I18nService);
  private readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());

  protected readonly channels = CHANNELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    service: ['', Validators.required],
    channel: ['walk-in' as TicketChannel, Validators.required],
    name: ['', Validators.required],
    email: ['', Validators.email],
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    opdId: [''],
    subject: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.ticket.subject)]],
    description: ['', Validators.maxLength(FIELD_LIMITS.ticket.description)],
  });
  protected readonly saving = signal(false);
  /** The API's limits, shown as counters. */
  protected readonly limit = FIELD_LIMITS.ticket;
  protected readonly count = lengthCount;
  /** The documents the requester brought: uploaded to the ticket once it is opened. */
  protected readonly uploads = new UploadQueue();
  /** The ticket, once opened while its files are still going (or one of them failed). */
  protected readonly opened = signal<TicketDetail | null>(null);
  protected readonly errors = signal<Partial<Record<string, string>>>({});

  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** The user's office; an admin's chosen one (on this page or any other). */
  protected readonly office = computed(
    () => this.chosenOffice.code() || (this.offices()[0]?.code ?? null),
  );
  private readonly channel = toSignal(this.form.controls.channel.valueChanges, {
    initialValue: this.form.controls.channel.value,
  });
  private readonly serviceCode = toSignal(this.form.controls.service.valueChanges, {
    initialValue: this.form.controls.service.value,
  });
  /** Which contact the chosen channel needs (marked required on its field). */
  protected readonly needs = computed(() => contactNeeded(this.channel()));
  /** The chosen service's standard, for the channels it serves. */
  private readonly serviceDetail = signal<ServiceDetail | null>(null);
  protected readonly allowed = computed(() => standardChannels(this.serviceDetail()));
  protected readonly allowedText = computed(() => {
    this.i18n.locale();
    const list = this.allowed();
    return list.length
      ? list.map((c) => this.i18n.t(this.key('tickets.channel', c))).join(', ')
      : null;
  });
  protected readonly addingOpd = signal(false);
  protected readonly newOpdName = signal('');
  protected readonly savingOpd = signal(false);
  private readonly services = signal<ServiceSummary[]>([]);
  protected readonly activeServices = computed(() =>
    this.services().filter((s) => s.status === 'active'),
  );
  protected readonly opds = signal<OpdView[]>([]);

  constructor() {
    // Opened and every file stored: on to the ticket. A failed file keeps the page, and the
    // ticket, on screen until it is sent again or removed.
    effect(() => {
      const ticket = this.opened();
      if (ticket && this.uploads.allStored()) void this.router.navigate(['/tiket', ticket.number]);
    });
    // The standard of the chosen service decides the channel offered first.
    effect((onCleanup) => {
      const office = this.office();
      const code = this.serviceCode();
      this.serviceDetail.set(null);
      if (!office || !code) return;
      const subscription = this.catalog
        .service(office, code)
        .pipe(catchError(() => of(null)))
        .subscribe((detail) => {
          this.serviceDetail.set(detail);
          const allowed = standardChannels(detail);
          const channel = this.form.controls.channel;
          if (allowed.length && !allowed.includes(channel.value) && !channel.dirty)
            channel.setValue(allowed.includes('walk-in') ? 'walk-in' : allowed[0]);
        });
      onCleanup(() => subscription.unsubscribe());
    });
    effect((onCleanup) => {
      const office = this.office();
      if (!office) return;
      const a = this.catalog.services(office).subscribe({
        next: (list) => {
          this.services.set(list);
          const active = list.filter((s) => s.status === 'active');
          if (active.length === 1) this.form.controls.service.setValue(active[0].code);
        },
        error: (error: unknown) => this.notifier.show(error),
      });
      const b = this.api
        .opds(office)
        .pipe(catchError(() => of([] as OpdView[])))
        .subscribe((list) => this.opds.set(list));
      onCleanup(() => {
        a.unsubscribe();
        b.unsubscribe();
      });
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected chooseOffice(code: string): void {
    this.chosenOffice.set(code);
    // Services and OPDs are the new office's: what was picked for the old one goes.
    this.form.patchValue({ service: '', opdId: '' });
  }

  protected emailError(): MessageKey {
    const control = this.form.controls.email;
    if (control.hasError('needed')) return 'staff.open.emailNeeded';
    if (control.hasError('either')) return 'staff.open.contactNeeded';
    return 'tickets.open.email';
  }

  protected phoneError(): MessageKey {
    const control = this.form.controls.phone;
    if (control.hasError('needed')) return 'staff.open.phoneNeeded';
    if (control.hasError('either')) return 'staff.open.contactNeeded';
    return 'staff.open.phoneInvalid';
  }

  /** The contact the channel needs is there: else marks the field(s) to fill. */
  private checkContact(): boolean {
    const { email, phone } = this.form.controls;
    // Marks of an earlier try go: the fields' own validators run again.
    email.updateValueAndValidity();
    phone.updateValueAndValidity();
    const hasEmail = !!email.value.trim();
    const hasPhone = !!phone.value.trim();
    const needs = this.needs();
    const mark = (control: typeof email, error: string) => {
      control.setErrors({ ...(control.errors ?? {}), [error]: true });
      control.markAsTouched();
    };
    if (needs === 'email' && !hasEmail) mark(email, 'needed');
    else if (needs === 'phone' && !hasPhone) mark(phone, 'needed');
    else if (needs === 'either' && !hasEmail && !hasPhone) {
      mark(email, 'either');
      mark(phone, 'either');
    } else return true;
    return false;
  }

  /** Adds the requester's OPD to the office's list and picks it. */
  protected addOpd(): void {
    const office = this.office();
    const name = this.newOpdName().trim();
    if (!office || !name || this.savingOpd()) return;
    this.savingOpd.set(true);
    this.adminApi.createOpd({ name, office, emailDomains: [] }).subscribe({
      next: (opd) => {
        this.savingOpd.set(false);
        this.opds.update((list) => [...list, opd]);
        this.form.controls.opdId.setValue(opd.id);
        this.newOpdName.set('');
        this.addingOpd.set(false);
      },
      error: (error: unknown) => {
        this.savingOpd.set(false);
        this.notifier.show(error);
      },
    });
  }

  protected submit(): void {
    // Opened already (its files still going): never a second ticket for the same visit.
    if (this.opened() || this.uploads.hasFailed()) return;
    const office = this.office();
    const contactOk = this.checkContact();
    if (this.form.invalid || !contactOk || !office) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.errors.set({});
    this.api
      .open({
        office,
        service: v.service,
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
        next: (ticket) => {
          this.form.disable();
          // The ticket exists now: the files go to it (the effect above moves on when done).
          this.uploads.uploadTo((file) => this.api.upload(ticket.number, file));
          this.opened.set(ticket);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const fields = fieldErrorsOf(problemOf(error));
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
