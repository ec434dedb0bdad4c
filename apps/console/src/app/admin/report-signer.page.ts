import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { FIELD_LIMITS } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ReportsApi } from '../reports/reports.api';
import { lengthCount } from '../shared/form-focus';
import { loadInto, officeChoice } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';

const NIP = /^\d{18}$/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NAME_FORBIDDEN = /[<>\u0000-\u001F\u007F]/;

interface SignerValues {
  headName: string;
  headNip: string;
}

/** One field of the signer form. */
interface SignerField {
  key: keyof SignerValues;
  label: MessageKey;
  /** Suffix of its `data-test` and of its error's. */
  test: string;
  maxlength: number;
  inputmode: string | null;
  hint: MessageKey | null;
}

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
        @for (f of fields; track f.key) {
          <mat-form-field>
            <mat-label>{{ f.label | t }}</mat-label>
            <input
              matInput
              autocomplete="off"
              [name]="f.key"
              [attr.maxlength]="f.maxlength"
              [attr.inputmode]="f.inputmode"
              [(ngModel)]="values[f.key]"
              [attr.data-test]="'signer-' + f.test"
            />
            @if (errors()[f.key]; as error) {
              <mat-hint class="field-error" [attr.data-test]="'error-' + f.test">{{
                error
              }}</mat-hint>
            } @else if (f.hint) {
              <mat-hint>{{ f.hint | t }}</mat-hint>
            }
            <mat-hint align="end" data-test="field-count">{{
              count(values[f.key], f.maxlength)
            }}</mat-hint>
          </mat-form-field>
        }
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
  protected readonly errors = signal<Partial<SignerValues>>({});
  protected readonly formError = signal<string | null>(null);
  /** What the form holds (whitespace is tidied on saving). */
  protected readonly values: SignerValues = { headName: '', headNip: '' };
  protected readonly count = lengthCount;
  /** The form's fields, in order. */
  protected readonly fields: readonly SignerField[] = [
    {
      key: 'headName',
      label: 'reports.signer.name',
      test: 'name',
      maxlength: FIELD_LIMITS.signer.headName,
      inputmode: null,
      hint: null,
    },
    {
      key: 'headNip',
      label: 'reports.signer.nip',
      test: 'nip',
      maxlength: FIELD_LIMITS.signer.headNip,
      inputmode: 'numeric',
      hint: 'reports.signer.nipHint',
    },
  ];

  private load(office: string): void {
    this.errors.set({});
    this.formError.set(null);
    loadInto(
      this.api.signer(office),
      (s) => {
        this.fill(s);
      },
      this.loading,
      this.notifier,
    );
  }

  private fill(signer: { headName: string | null; headNip: string | null }): void {
    this.values.headName = signer.headName ?? '';
    this.values.headNip = signer.headNip ?? '';
  }

  protected save(): void {
    const headName = this.values.headName.replace(/\s+/g, ' ').trim();
    const headNip = this.values.headNip.replace(/\s+/g, '');
    const errors: Partial<SignerValues> = {};
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
        this.fill(saved);
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
