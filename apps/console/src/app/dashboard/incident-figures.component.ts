import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { DashboardFilter, IncidentFigureRow } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { DashCardComponent } from './dash-card.component';
import { DashboardApi } from './dashboard.api';
import { FiguresTableComponent, type FigureRow } from './figures-table.component';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/** Minutes as the dashboard shows them ("3 j 30 m"). */
function workingTime(minutes: number | null): string {
  if (minutes === null) return '—';
  const h = Math.floor(minutes / 60);
  return h ? `${h} j ${minutes % 60} m` : `${minutes % 60} m`;
}

/**
 * The incidents card of the dashboard: incidents closed in the range by priority and by IT
 * service, with response and resolution compliance and the mean time to restore, each on the
 * incident's own calendar (24x7 or working time). Loads with the dashboard's applied filter.
 */
@Component({
  selector: 'sg-incident-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DashCardComponent, FiguresTableComponent, TranslatePipe],
  template: `
    <sg-dash-card
      data-test="dash-incidents"
      headingId="dash-inc-title"
      [heading]="'dash.inc.title' | t"
    >
      @if (figures.value(); as f) {
        <p class="note">{{ 'dash.inc.note' | t }}</p>
        <div class="tables">
          <sg-figures-table
            data-test="dash-inc-priority"
            rowTest="dash-inc-priority-row"
            [caption]="'dash.inc.byPriority' | t"
            [showCaption]="true"
            [columns]="columns()"
            [rows]="priorityRows()"
          />
          <sg-figures-table
            data-test="dash-inc-service"
            rowTest="dash-inc-service-row"
            [caption]="'dash.inc.byService' | t"
            [showCaption]="true"
            [columns]="columns()"
            [rows]="serviceRows()"
            [empty]="'dash.inc.none' | t"
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
export class IncidentFiguresComponent {
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18nService);

  /** The dashboard's applied filter; null until it is applied. */
  readonly filter = input<DashboardFilter | null>(null);

  protected readonly figures = rxResource({
    params: () => this.filter() ?? undefined,
    stream: ({ params }) => this.api.incidents(params),
  });

  protected readonly columns = computed(() =>
    (
      [
        'dash.inc.group',
        'dash.inc.count',
        'dash.inc.response',
        'dash.inc.resolution',
        'dash.col.breached',
        'dash.inc.mttr',
      ] as const
    ).map((k) => this.i18n.t(k)),
  );

  protected readonly priorityRows = computed((): FigureRow[] => {
    const f = this.figures.value();
    if (!f) return [];
    return [
      ...f.byPriority.map((r) => this.row(r, r.label)),
      this.row(f.total, this.i18n.t('dash.inc.all'), true),
    ];
  });

  protected readonly serviceRows = computed((): FigureRow[] => {
    const f = this.figures.value();
    if (!f) return [];
    return f.byService.map((r) =>
      this.row(
        r,
        r.supportHours
          ? `${r.label} (${this.i18n.t(r.supportHours === '24x7' ? 'dash.inc.24x7' : 'dash.inc.office')})`
          : r.label,
      ),
    );
  });

  private row(r: IncidentFigureRow, head: string, total = false): FigureRow {
    return {
      key: total ? '\u0000all' : r.key || '\u0000none',
      head,
      total,
      cells: [
        r.total,
        `${percent(r.responseShare)} (${r.responseMet + r.responseMetLate}/${r.responseTotal})`,
        `${percent(r.resolutionShare)} (${r.resolutionMet + r.resolutionMetLate}/${r.total})`,
        r.resolutionBreached,
        workingTime(r.meanRestoreMinutes),
      ],
    };
  }
}
