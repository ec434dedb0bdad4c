import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
  type WritableSignal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type {
  EvaluationReportQuery,
  EvidencePackFormat,
  EvidencePackQuery,
  OfficeSummary,
  Problem,
  ReportLang,
  ReportPeriod,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { ReportsApi } from './reports.api';

/** The previous month as `YYYY-MM` (the month a monthly report is usually printed for). */
function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** `attachment; filename="x.pdf"` -> `x.pdf`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match ? match[1] : fallback;
}

/**
 * Downloads the "Laporan Evaluasi Kinerja Pelayanan" PDF of an office for a month or a year, in
 * Bahasa Indonesia or English. Managers get their own office; admins choose one.
 */
@Component({
  selector: 'sg-evaluation-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <h1>{{ 'reports.title' | t }}</h1>
      <p class="intro">{{ 'reports.intro' | t }}</p>
      <form class="form" (submit)="$event.preventDefault(); download()">
        @if (isAdmin()) {
          <mat-form-field>
            <mat-label>{{ 'reports.office' | t }}</mat-label>
            <mat-select
              data-test="report-office"
              [value]="office()"
              (selectionChange)="office.set($event.value)"
            >
              @for (o of offices(); track o.code) {
                <mat-option [value]="o.code">{{ o.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'reports.period' | t }}</mat-label>
          <mat-select
            data-test="report-period"
            [value]="period()"
            (selectionChange)="period.set($event.value)"
          >
            <mat-option value="month">{{ 'reports.period.month' | t }}</mat-option>
            <mat-option value="year">{{ 'reports.period.year' | t }}</mat-option>
          </mat-select>
        </mat-form-field>
        @if (period() === 'month') {
          <mat-form-field>
            <mat-label>{{ 'reports.month' | t }}</mat-label>
            <input
              matInput
              type="month"
              data-test="report-month"
              [value]="month()"
              (input)="month.set($any($event.target).value)"
            />
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ 'reports.year' | t }}</mat-label>
            <input
              matInput
              type="number"
              min="2000"
              max="2199"
              data-test="report-year"
              [value]="year()"
              (input)="year.set($any($event.target).value)"
            />
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'reports.lang' | t }}</mat-label>
          <mat-select
            data-test="report-lang"
            [value]="lang()"
            (selectionChange)="lang.set($event.value)"
          >
            <mat-option value="id">{{ 'reports.lang.id' | t }}</mat-option>
            <mat-option value="en">{{ 'reports.lang.en' | t }}</mat-option>
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="submit" data-test="report-download" [disabled]="busy()">
          {{ (busy() ? 'reports.downloading' : 'reports.download') | t }}
        </button>
      </form>
      @if (invalid(); as message) {
        <p class="error" role="alert" data-test="report-invalid">{{ message }}</p>
      }
      <section class="evidence" aria-labelledby="evidence-title" data-test="evidence-pack">
        <h2 id="evidence-title">{{ 'reports.evidence.title' | t }}</h2>
        <p class="intro">{{ 'reports.evidence.intro' | t }}</p>
        <form class="form" (submit)="$event.preventDefault(); evidence('pdf')">
          <mat-form-field>
            <mat-label>{{ 'reports.evidence.from' | t }}</mat-label>
            <input
              matInput
              type="month"
              data-test="evidence-from"
              [value]="evidenceFrom()"
              (input)="evidenceFrom.set($any($event.target).value)"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reports.evidence.to' | t }}</mat-label>
            <input
              matInput
              type="month"
              data-test="evidence-to"
              [value]="evidenceTo()"
              (input)="evidenceTo.set($any($event.target).value)"
            />
          </mat-form-field>
          <button mat-flat-button type="submit" data-test="evidence-pdf" [disabled]="busy()">
            {{ 'reports.evidence.print' | t }}
          </button>
          <button
            mat-stroked-button
            type="button"
            data-test="evidence-xlsx"
            [disabled]="busy()"
            (click)="evidence('xlsx')"
          >
            {{ 'reports.evidence.tables' | t }}
          </button>
        </form>
        @if (evidenceInvalid(); as message) {
          <p class="error" role="alert" data-test="evidence-invalid">{{ message }}</p>
        }
      </section>
      @if (isAdmin()) {
        <p>
          <a routerLink="/admin/penanda-tangan" data-test="report-signer-link">{{
            'reports.signer.title' | t
          }}</a>
        </p>
      }
    </section>
  `,
  styles: `
    .page {
      padding: 24px;
      max-width: 960px;
    }
    .intro {
      color: rgba(0, 0, 0, 0.7);
    }
    .form {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .error {
      color: #c62828;
    }
    .evidence {
      margin-top: 24px;
    }
    h2 {
      font-size: 1.25rem;
    }
  `,
})
export class EvaluationReportPage {
  private readonly auth = inject(AuthService);
  private readonly api = inject(ReportsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly offices = signal<OfficeSummary[]>([]);
  protected readonly office = signal(this.auth.user()?.office ?? '');
  protected readonly period = signal<ReportPeriod>('month');
  protected readonly month = signal(previousMonth(new Date()));
  protected readonly year = signal(String(new Date().getFullYear()));
  protected readonly lang = signal<ReportLang>(this.i18n.locale());
  protected readonly busy = signal(false);
  protected readonly invalid = signal<string | null>(null);
  protected readonly evidenceTo = signal(previousMonth(new Date()));
  protected readonly evidenceFrom = signal(`${previousMonth(new Date()).slice(0, 4)}-01`);
  protected readonly evidenceInvalid = signal<string | null>(null);

  constructor() {
    if (this.isAdmin())
      this.catalog
        .offices()
        .pipe(catchError(() => of([] as OfficeSummary[])))
        .subscribe((offices) => {
          this.offices.set(offices);
          if (!this.office() && offices.length) this.office.set(offices[0].code);
        });
  }

  protected download(): void {
    const query: EvaluationReportQuery = { period: this.period(), lang: this.lang() };
    if (this.isAdmin() && this.office()) query.office = this.office();
    if (query.period === 'month') {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(this.month()))
        return this.invalid.set(this.i18n.t('reports.invalidMonth'));
      query.month = this.month();
    } else {
      if (!/^\d{4}$/.test(String(this.year()).trim()))
        return this.invalid.set(this.i18n.t('reports.invalidYear'));
      query.year = String(this.year()).trim();
    }
    this.invalid.set(null);
    this.busy.set(true);
    this.api.evaluation(query).subscribe({
      next: (res) => {
        this.busy.set(false);
        const label = query.month ?? query.year;
        const file = fileNameOf(
          res.headers.get('content-disposition'),
          `laporan-evaluasi-${label}.pdf`,
        );
        this.save(res.body as Blob, file);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        void this.showError(e, this.invalid);
      },
    });
  }

  /** The SPBE evidence pack of the office and months, as a PDF to print or its XLSX tables. */
  protected evidence(format: EvidencePackFormat): void {
    const month = /^\d{4}-(0[1-9]|1[0-2])$/;
    const from = this.evidenceFrom();
    const to = this.evidenceTo();
    if (!month.test(from) || !month.test(to) || from > to)
      return this.evidenceInvalid.set(this.i18n.t('reports.evidence.invalid'));
    const query: EvidencePackQuery = { from, to, format };
    if (this.isAdmin() && this.office()) query.office = this.office();
    this.evidenceInvalid.set(null);
    this.busy.set(true);
    this.api.evidencePack(query).subscribe({
      next: (res) => {
        this.busy.set(false);
        const file = fileNameOf(
          res.headers.get('content-disposition'),
          `bukti-dukung-spbe-${from}-${to}.${format}`,
        );
        this.save(res.body as Blob, file);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        void this.showError(e, this.evidenceInvalid);
      },
    });
  }

  private save(body: Blob, file: string): void {
    const url = URL.createObjectURL(body);
    const link = document.createElement('a');
    link.href = url;
    link.download = file;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.snackBar.open(this.i18n.t('reports.downloaded', { file }), this.i18n.t('app.close'), {
      duration: 4000,
    });
  }

  /** A failed blob request carries its problem+json as a Blob: read it for the message. */
  private async showError(e: unknown, target: WritableSignal<string | null>): Promise<void> {
    if (e instanceof HttpErrorResponse && e.error instanceof Blob) {
      try {
        const problem = JSON.parse(await e.error.text()) as Problem;
        target.set(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
        return;
      } catch {
        // Not JSON: fall through to the generic message.
      }
    }
    this.notifier.show(e);
  }
}
