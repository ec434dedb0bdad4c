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
import type { OpdView, ServiceSummary, TicketChannel } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { TicketsApi } from './tickets.api';

export const CHANNELS: readonly TicketChannel[] = ['letter', 'email', 'portal', 'walk-in', 'phone'];

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
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/tiket"><mat-icon svgIcon="back" />{{ 'tickets.back' | t }}</a>
      <h1>{{ 'tickets.open.title' | t }}</h1>
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
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.requesterName' | t }}</mat-label>
          <input matInput formControlName="name" data-test="open-name" />
          <mat-error>{{ errors()['requester.name'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tickets.open.requesterEmail' | t }}</mat-label>
          <input matInput type="email" formControlName="email" data-test="open-email" />
          <mat-error>{{ errors()['requester.email'] ?? ('tickets.open.email' | t) }}</mat-error>
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
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'tickets.open.subject' | t }}</mat-label>
          <input matInput formControlName="subject" data-test="open-subject" />
          <mat-error>{{ errors()['subject'] ?? ('tickets.open.required' | t) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'tickets.open.description' | t }}</mat-label>
          <textarea
            matInput
            rows="5"
            formControlName="description"
            data-test="open-description"
          ></textarea>
        </mat-form-field>
        <div class="wide">
          <button mat-flat-button type="submit" [disabled]="saving()" data-test="open-submit">
            {{ 'tickets.open.submit' | t }}
          </button>
        </div>
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
  `,
})
export class OpenTicketPage {
  private readonly api = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly channels = CHANNELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    service: ['', Validators.required],
    channel: ['walk-in' as TicketChannel, Validators.required],
    name: ['', Validators.required],
    email: ['', Validators.email],
    opdId: [''],
    subject: ['', [Validators.required, Validators.maxLength(300)]],
    description: ['', Validators.maxLength(20000)],
  });
  protected readonly saving = signal(false);
  protected readonly errors = signal<Partial<Record<string, string>>>({});

  private readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly office = computed(
    () => this.auth.user()?.office ?? this.offices()[0]?.code ?? null,
  );
  private readonly services = signal<ServiceSummary[]>([]);
  protected readonly activeServices = computed(() =>
    this.services().filter((s) => s.status === 'active'),
  );
  protected readonly opds = signal<OpdView[]>([]);

  constructor() {
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
      .open({
        office,
        service: v.service,
        channel: v.channel,
        subject: v.subject.trim(),
        description: v.description,
        requester: {
          name: v.name.trim(),
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
          ...(v.opdId ? { opdId: v.opdId } : {}),
        },
      })
      .subscribe({
        next: (ticket) => void this.router.navigate(['/tiket', ticket.number]),
        error: (error: unknown) => {
          this.saving.set(false);
          const fields = fieldErrorsOf(problemOf(error));
          this.errors.set(fields);
          for (const [path, message] of Object.entries(fields)) {
            const name =
              path === 'requester.name' ? 'name' : path === 'requester.email' ? 'email' : path;
            const control = this.form.get(name);
            control?.setErrors({ server: message });
            control?.markAsTouched();
          }
          this.notifier.show(error);
        },
      });
  }
}
