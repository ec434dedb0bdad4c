import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { ChangeFigureRow, DashboardFilter } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { DashCardComponent } from './dash-card.component';
import { DashboardApi } from './dashboard.api';
import { FiguresTableComponent, type FigureRow } from './figures-table.component';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/**
 * The changes card of the dashboard: changes finished in the range (implemented or rejected) by
 * risk level and by period, with the success rate, failures and rollbacks, the incidents they
 * caused and the approvals decided on time. Loads with the dashboard's applied filter.
 */
@Component({
  selector: 'sg-change-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DashCardComponent, FiguresTableComponent, TranslatePipe],
  template: `
    <sg-dash-card
      data-test="dash-changes"
      headingId="dash-chg-title"
      [heading]="'dash.chg.title' | t"
    >
      @if (figures.value(); as f) {
        <p class="note">{{ 'dash.chg.note' | t }}</p>
        <div class="tables">
          <sg-figures-table
            data-test="dash-chg-risk"
            rowTest="dash-chg-risk-row"
            [caption]="'dash.chg.byRisk' | t"
            [showCaption]="true"
            [columns]="columns()"
            [rows]="riskRows()"
          />
          <sg-figures-table
            data-test="dash-chg-period"
            rowTest="dash-chg-period-row"
            [caption]="'dash.chg.byPeriod' | t"
            [showCaption]="true"
            [columns]="columns()"
            [rows]="periodRows()"
            [empty]="'dash.chg.none' | t"
          />
        </div>
      }
    </sg-dash-card>
  `,
  styles: `
    .note {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.9rem;
    }
    .tables {
      display: grid;
      gap: 16px;
      min-width: 0;
    }
  `,
})
export class ChangeFiguresComponent {
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18nService);

  /** The dashboard's applied filter; null until it is applied. */
  readonly filter = input<DashboardFilter | null>(null);

  protected readonly figures = rxResource({
    params: () => this.filter() ?? undefined,
    stream: ({ params }) => this.api.changes(params),
  });

  protected readonly columns = computed(() =>
    (
      [
        'dash.chg.group',
        'dash.chg.count',
        'dash.chg.implemented',
        'dash.chg.success',
        'dash.chg.failed',
        'dash.chg.rejected',
        'dash.chg.incidents',
        'dash.chg.approvals',
      ] as const
    ).map((k) => this.i18n.t(k)),
  );

  protected readonly riskRows = computed((): FigureRow[] => {
    const f = this.figures.value();
    if (!f) return [];
    return [
      ...f.byRisk.map((r) => this.row(r, this.i18n.t(`dash.chg.risk.${r.key}`))),
      this.row(f.total, this.i18n.t('dash.chg.all'), true),
    ];
  });

  protected readonly periodRows = computed((): FigureRow[] => {
    const f = this.figures.value();
    if (!f) return [];
    return f.byPeriod.filter((r) => r.total).map((r) => this.row(r, r.label));
  });

  private row(r: ChangeFigureRow, head: string, total = false): FigureRow {
    return {
      key: total ? '\u0000all' : r.key,
      head,
      total,
      cells: [
        r.total,
        r.implemented,
        `${percent(r.successRate)} (${r.success}/${r.implemented})`,
        `${r.failed} / ${r.rolledBack}`,
        r.rejected,
        `${r.incidentsCaused} (${r.changesWithIncidents})`,
        `${percent(r.approvalsOnTimeShare)} (${r.approvalsOnTime}/${r.approvals})`,
      ],
    };
  }
}
