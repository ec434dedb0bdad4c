import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ReportsApi } from '../reports/reports.api';
import { loadInto, officeChoice } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';

const NIP = /^\d{18}$/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NAME_FORBIDDEN = /[<>\u0000-\u001F\u007F]/;

/**
 * `/admin/penanda-tangan` (admins): the name and NIP of the head of office printed in the
 * signature block of the office's evaluation report. Empty fields leave a line to sign by hand.
 */
@Component({
  selector: 'sg-report-signer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  template: `<section class="page">
    <header class="page-header">
      <h1>{{ 'reports.signer.title' | t }}</h1>
      <span class="spacer"></span>
      <sg-office-select
        [offices]="choice.offices()"
        [value]="office()"
        (chosen)="choice.chosen.set($event)"
      />
    </header>
    <p>{{ 'reports.signer.intro' | t }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <form class="card form" (ngSubmit)="save()" data-test="signer-form" novalidate>
      @if (formError(); as error) {
        <p class="form-error" role="alert">{{ error }}</p>
      }
      <div class="grid">
        <mat-form-field>
          <mat-label>{{ 'reports.signer.name' | t }}</mat-label>
          <input
            matInput
            name="headName"
            maxlength="120"
            autocomplete="off"
            [(ngModel)]="headName"
            data-test="signer-name"
          />
          @if (errors().headName; as error) {
            <mat-hint class="field-error" data-test="error-name">{{ error }}</mat-hint>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reports.signer.nip' | t }}</mat-label>
          <input
            matInput
            name="headNip"
            inputmode="numeric"
            autocomplete="off"
            [(ngModel)]="headNip"
            data-test="signer-nip"
          />
          @if (errors().headNip; as error) {
            <mat-hint class="field-error" data-test="error-nip">{{ error }}</mat-hint>
          } @else {
            <mat-hint>{{ 'reports.signer.nipHint' | t }}</mat-hint>
          }
        </mat-form-field>
      </div>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-test="save-signer">
          {{ 'reports.signer.save' | t }}
        </button>
      </div>
    </form>
  </section>`,
  styleUrl: './admin.scss',
})
export class ReportSignerPage {
  private readonly api = inject(ReportsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errors = signal<{ headName?: string; headNip?: string }>({});
  protected readonly formError = signal<string | null>(null);
  protected headName = '';
  protected headNip = '';

  private load(office: string): void {
    this.errors.set({});
    this.formError.set(null);
    loadInto(
      this.api.signer(office),
      (s) => {
        this.headName = s.headName ?? '';
        this.headNip = s.headNip ?? '';
      },
      this.loading,
      this.notifier,
    );
  }

  protected save(): void {
    const headName = this.headName.replace(/\s+/g, ' ').trim();
    const headNip = this.headNip.replace(/\s+/g, '');
    const errors: { headName?: string; headNip?: string } = {};
    if (headName.length > 120 || NAME_FORBIDDEN.test(headName))
      errors.headName = this.i18n.t('reports.signer.err.name');
    if (headNip && !NIP.test(headNip)) errors.headNip = this.i18n.t('reports.signer.err.nip');
    this.errors.set(errors);
    this.formError.set(null);
    if (errors.headName || errors.headNip) return;
    this.saving.set(true);
    this.api.saveSigner(this.office(), { headName, headNip }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.headName = saved.headName ?? '';
        this.headNip = saved.headNip ?? '';
        this.snackBar.open(this.i18n.t('reports.signer.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const fields = fieldErrorsOf(problemOf(e));
        this.errors.set({ headName: fields['headName'], headNip: fields['headNip'] });
        this.formError.set(this.notifier.describe(e));
      },
    });
  }
}
