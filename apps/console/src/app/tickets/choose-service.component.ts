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
import type { ServiceSummary, TicketDetail } from '@sigap/contracts';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { TicketsApi } from './tickets.api';

/**
 * Triage of a ticket opened from e-mail: the agent picks one of the office's active services
 * (the ticket then gets its documents and steps, timed from the mail's receipt) or rejects the
 * mail as not a service request, with a reason.
 */
@Component({
  selector: 'sg-choose-service',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <section class="triage" data-test="choose-service" aria-labelledby="triage-title">
      <h2 id="triage-title">{{ 'triage.title' | t }}</h2>
      <p class="muted">
        {{ 'triage.intro' | t: { received: (ticket().receivedAt | zoned: timeZone()) ?? '' } }}
      </p>
      @if (services().length === 0 && loaded()) {
        <p class="muted" data-test="no-services">{{ 'triage.noServices' | t }}</p>
      } @else {
        <div class="row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'triage.service' | t }}</mat-label>
            <mat-select
              [value]="chosen()"
              (valueChange)="chosen.set($event)"
              data-test="service-picker"
            >
              @for (s of services(); track s.code) {
                <mat-option [value]="s.code" [attr.data-code]="s.code">{{ s.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            mat-flat-button
            type="button"
            [disabled]="!chosen() || busy()"
            (click)="choose()"
            data-test="choose-service-submit"
          >
            {{ 'triage.choose' | t }}
          </button>
        </div>
      }
      <div class="row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
          <mat-label>{{ 'triage.rejectReason' | t }}</mat-label>
          <input
            matInput
            [value]="reason()"
            (input)="reason.set($any($event.target).value)"
            maxlength="2000"
            data-test="reject-reason"
          />
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          [disabled]="!reason().trim() || busy()"
          (click)="reject()"
          data-test="reject-request"
        >
          {{ 'triage.reject' | t }}
        </button>
      </div>
    </section>
  `,
  styles: `
    .triage {
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
      flex: 1 1 320px;
    }
  `,
})
export class ChooseServiceComponent {
  private readonly api = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly ticket = input.required<TicketDetail>();
  readonly timeZone = input('Asia/Jakarta');
  /** The ticket changed (service chosen or request rejected), or someone else changed it. */
  readonly changed = output<void>();

  private readonly all = signal<ServiceSummary[]>([]);
  protected readonly loaded = signal(false);
  protected readonly services = computed(() =>
    this.all()
      .filter((s) => s.status === 'active')
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly chosen = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);

  constructor() {
    effect((onCleanup) => {
      const office = this.ticket().office;
      const subscription = untracked(() =>
        this.catalog.services(office).subscribe({
          next: (list) => {
            this.all.set(list);
            this.loaded.set(true);
          },
          error: (error: unknown) => {
            this.loaded.set(true);
            this.notifier.show(error);
          },
        }),
      );
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected choose(): void {
    const code = this.chosen();
    if (!code) return;
    this.send('service', { serviceCode: code }, 'triage.chosen');
  }

  protected reject(): void {
    const reason = this.reason().trim();
    if (!reason) return;
    this.send('reject-request', { reason }, 'triage.rejected');
  }

  private send(
    path: 'service' | 'reject-request',
    body: Record<string, unknown>,
    done: 'triage.chosen' | 'triage.rejected',
  ): void {
    const t = this.ticket();
    this.busy.set(true);
    this.api.act(t.number, path, t.version, body).subscribe({
      next: () => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 3000 });
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
