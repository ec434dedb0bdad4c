import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { OfficeAdminView, OfficeSummary } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { EditButtonComponent, RetireConfirmComponent } from '../shared/form-parts';
import { loadInto } from '../shared/office-choice';
import { ErrorNotifier } from '../shared/problem';
import { OfficeFormComponent } from './office-form.component';
import { OfficesApi } from './offices.api';

/**
 * `/admin/kantor` (admins): every office with its zone and ticket prefix; create, edit and retire
 * them. A retired office keeps its history and is left out of every chooser.
 */
@Component({
  selector: 'sg-offices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditButtonComponent,
    MatButtonModule,
    MatProgressBarModule,
    OfficeFormComponent,
    RetireConfirmComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'onboard.offices.title' | t }}</h1>
        <span class="spacer"></span>
        @if (!editing() && !creating()) {
          <button mat-flat-button type="button" (click)="startCreate()" data-test="new-office">
            {{ 'onboard.office.new' | t }}
          </button>
        }
      </header>
      <p class="muted">{{ 'onboard.offices.intro' | t }}</p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
      @if (creating()) {
        <sg-office-form (saved)="created($event)" (cancelled)="creating.set(false)" />
      }
      @if (editing(); as office) {
        <sg-office-form
          [office]="office"
          (saved)="updated($event)"
          (cancelled)="editing.set(null)"
        />
      }
      <div class="card table-wrap">
        <table class="sg-table stackable" data-test="offices-table">
          <thead>
            <tr>
              <th scope="col">{{ 'onboard.office.name' | t }}</th>
              <th scope="col">{{ 'onboard.office.timeZone' | t }}</th>
              <th scope="col">{{ 'onboard.office.prefix' | t }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'admin.actions' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (o of offices(); track o.code) {
              <tr data-test="office-row" [attr.data-code]="o.code" [class.retired]="!!o.retiredAt">
                <td [attr.data-label]="'onboard.office.name' | t">
                  <div>{{ o.name }}</div>
                  <div class="muted small">
                    {{ o.code }}
                    @if (o.retiredAt) {
                      · <span data-test="office-retired">{{ 'onboard.office.retired' | t }}</span>
                    }
                  </div>
                </td>
                <td [attr.data-label]="'onboard.office.timeZone' | t">
                  {{ o.zoneAbbreviation }} <span class="muted small">{{ o.timeZone }}</span>
                </td>
                <td [attr.data-label]="'onboard.office.prefix' | t">{{ o.ticketPrefix }}</td>
                <td class="row-actions" [attr.data-label]="'admin.actions' | t">
                  @if (!o.retiredAt) {
                    @if (confirming() === o.code) {
                      <sg-retire-confirm
                        [question]="'onboard.office.retireAsk' | t: { name: o.name }"
                        test="confirm-retire-office"
                        (confirmed)="retire(o)"
                        (cancelled)="confirming.set(null)"
                      />
                    } @else {
                      <span class="buttons">
                        <a
                          mat-button
                          [routerLink]="['/admin/jabatan']"
                          [queryParams]="{ office: o.code }"
                          [attr.aria-label]="('onboard.office.positions' | t) + ': ' + o.name"
                        >
                          {{ 'onboard.office.positions' | t }}
                        </a>
                        <sg-edit-button
                          [label]="'admin.edit' | t"
                          [name]="o.name"
                          test="edit-office"
                          (pressed)="startEdit(o)"
                        />
                        <sg-edit-button
                          [label]="'onboard.retire' | t"
                          text="onboard.retire"
                          [name]="o.name"
                          test="retire-office"
                          (pressed)="confirming.set(o.code)"
                        />
                      </span>
                    }
                  }
                </td>
              </tr>
            } @empty {
              @if (!loading()) {
                <tr>
                  <td colspan="4" class="muted">{{ 'onboard.offices.none' | t }}</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styleUrl: './admin.scss',
  styles: `
    .small {
      font-size: 12px;
    }
    .retired td {
      color: var(--mat-sys-on-surface-variant);
    }
    .buttons {
      display: flex;
      flex-wrap: nowrap;
      justify-content: flex-end;
      --mat-button-text-horizontal-padding: 8px;
    }
    @media (max-width: 699.98px) {
      .buttons {
        flex-wrap: wrap;
        justify-content: flex-start;
      }
    }
  `,
})
export class OfficesPage {
  private readonly api = inject(OfficesApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly offices = signal<OfficeSummary[]>([]);
  protected readonly loading = signal(false);
  protected readonly creating = signal(false);
  protected readonly editing = signal<OfficeAdminView | null>(null);
  protected readonly confirming = signal<string | null>(null);

  constructor() {
    this.load();
  }

  private load(): void {
    loadInto(this.api.list(), (list) => this.offices.set(list), this.loading, this.notifier);
  }

  protected startCreate(): void {
    this.editing.set(null);
    this.creating.set(true);
  }

  protected startEdit(office: OfficeSummary): void {
    this.creating.set(false);
    this.api.get(office.code).subscribe({
      next: (view) => this.editing.set(view),
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected created(office: OfficeAdminView): void {
    this.creating.set(false);
    this.snackBar.open(this.i18n.t('onboard.office.created', { name: office.name }), undefined, {
      duration: 4000,
    });
    this.load();
  }

  protected updated(office: OfficeAdminView): void {
    // The form has said it is saved.
    this.editing.set(null);
    this.offices.update((list) => list.map((o) => (o.code === office.code ? office : o)));
  }

  protected retire(office: OfficeSummary): void {
    this.confirming.set(null);
    this.api.retire(office.code).subscribe({
      next: (view) => {
        this.offices.update((list) => list.map((o) => (o.code === view.code ? view : o)));
        this.snackBar.open(
          this.i18n.t('onboard.office.retiredDone', { name: view.name }),
          undefined,
          { duration: 4000 },
        );
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }
}
