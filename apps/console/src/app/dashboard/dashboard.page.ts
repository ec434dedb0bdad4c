import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  GROUPS_OF_LEVEL,
  type AtRiskResponse,
  type BacklogResponse,
  type ComplianceGroup,
  type ComplianceLevel,
  type ComplianceResponse,
  type DashboardFilter,
  type DashboardPeriod,
  type DashboardTable,
  type FirstResponseResponse,
  type IkmDashboardResponse,
  type OfficeSummary,
  type OpdView,
  type ServiceSummary,
  type StepBottlenecksResponse,
  type WorkloadResponse,
} from '@sigap/contracts';
import { catchError, forkJoin, of, type Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { formatInZone } from '../shared/zoned-date';
import { BarChartComponent, type BarSeries } from './bar-chart.component';
import { ChartTableComponent, type FigureTable } from './chart-table.component';
import { DashCardComponent } from './dash-card.component';
import { DashboardApi } from './dashboard.api';
import { FiguresTableComponent, type FigureRow } from './figures-table.component';
import { ChangeFiguresComponent } from './change-figures.component';
import { IncidentFiguresComponent } from './incident-figures.component';
import { ikmShownText } from '@sigap/standards';

const COLORS = { met: '#2e7d32', late: '#b26a00', breached: '#c62828', other: '#1565c0' };
/** Bars of the services in the IKM chart, in turn. */
const PALETTE = ['#1565c0', '#2e7d32', '#6a1b9a', '#b26a00', '#00838f', '#ad1457', '#4e342e'];

/** A table's column headers and rows, as `sg-figures-table` shows them. */

/** `YYYY-MM` of a date in UTC, shifted by whole months. */
function monthOf(date: Date, shift = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift, 1));
  return d.toISOString().slice(0, 7);
}

/** Working minutes as "2 j 15 m" (hours of working time, not of the clock). */
export function workingTime(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} j ${m} m` : `${m} m`;
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;
}

/**
 * An IKM on the 25-100 scale truncated to two decimals ("87.50", 88.309 as "88.30"), the value
 * its grade is read from; a dash without respondents.
 */
export function ikmValue(converted: number | null | undefined): string {
  return converted === null || converted === undefined ? '—' : ikmShownText(converted);
}

/**
 * `/dasbor`: SLA compliance, step bottlenecks, backlog age, first response, satisfaction (IKM),
 * work at risk and workload of an office, each as a chart with its table beside it and CSV/XLSX
 * downloads.
 * Managers, helpdesk agents and admins see the office; an executor sees their own steps.
 */
@Component({
  selector: 'sg-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    BarChartComponent,
    ChartTableComponent,
    DashCardComponent,
    FiguresTableComponent,
    IncidentFiguresComponent,
    ChangeFiguresComponent,
  ],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly isAdmin = this.auth.isAdmin;
  /** An executor without an office-wide role reads only their own steps. */
  protected readonly ownStepsOnly = computed(
    () =>
      !this.auth.hasRole('admin') && !this.auth.hasRole('manager') && !this.auth.hasRole('agent'),
  );
  protected readonly periods: DashboardPeriod[] = ['month', 'quarter', 'year'];

  protected readonly offices = signal<OfficeSummary[]>([]);
  protected readonly services = signal<ServiceSummary[]>([]);
  protected readonly opds = signal<OpdView[]>([]);

  // The filter as edited, applied with the button (or Enter in a field).
  protected office = this.auth.user()?.office ?? '';
  protected service = '';
  protected opd = '';
  protected from = monthOf(new Date(), -11);
  protected to = monthOf(new Date());
  protected period: DashboardPeriod = 'month';
  protected level: ComplianceLevel = this.ownStepsOnly() ? 'steps' : 'tickets';
  protected by: ComplianceGroup = 'service';

  protected readonly loading = signal(false);
  protected readonly compliance = signal<ComplianceResponse | null>(null);
  protected readonly steps = signal<StepBottlenecksResponse | null>(null);
  protected readonly backlog = signal<BacklogResponse | null>(null);
  protected readonly atRisk = signal<AtRiskResponse | null>(null);
  protected readonly firstResponse = signal<FirstResponseResponse | null>(null);
  protected readonly workload = signal<WorkloadResponse | null>(null);
  protected readonly ikm = signal<IkmDashboardResponse | null>(null);
  private applied: DashboardFilter = {};
  /** The filter last applied, for the cards that load themselves (incidents). */
  protected readonly appliedFilter = signal<DashboardFilter | null>(null);

  protected readonly timeZone = computed(
    () =>
      this.offices().find((o) => o.code === (this.compliance()?.scope.office ?? this.office))
        ?.timeZone ?? 'Asia/Jakarta',
  );
  protected readonly asOf = computed(() => {
    const meta = this.steps();
    if (!meta) return '';
    const zone = this.timeZone();
    const locale = this.i18n.locale();
    if (!meta.dataAsOf) return this.i18n.t('dash.asOfNever');
    return this.i18n.t('dash.asOf', {
      time: formatInZone(meta.dataAsOf, zone, locale),
      now: formatInZone(meta.generatedAt, zone, locale),
    });
  });

  protected groups(): ComplianceGroup[] {
    return [...GROUPS_OF_LEVEL[this.level]];
  }

  protected readonly complianceChart = computed(() => this.stackOf(this.compliance()?.rows ?? []));
  protected readonly trendChart = computed(() => this.stackOf(this.compliance()?.trend ?? []));
  protected readonly stepChart = computed(() => {
    const rows = this.steps()?.rows ?? [];
    return {
      categories: rows.map((r) => `${r.stepOrder}. ${r.positionName}`),
      series: [
        {
          label: this.i18n.t('dash.col.median'),
          values: rows.map((r) => r.medianMinutes),
          color: COLORS.other,
        },
        {
          label: this.i18n.t('dash.col.p90'),
          values: rows.map((r) => r.p90Minutes),
          color: COLORS.late,
        },
        {
          label: this.i18n.t('dash.col.target'),
          values: rows.map((r) => r.targetMinutes),
          color: COLORS.met,
        },
      ] as BarSeries[],
    };
  });
  protected readonly backlogChart = computed(() => {
    const buckets = this.backlog()?.buckets ?? [];
    return {
      categories: buckets.map((b) => this.ageLabel(b.minDays, b.maxDays)),
      series: [
        {
          label: this.i18n.t('dash.col.total'),
          values: buckets.map((b) => b.count - b.breached),
          color: COLORS.other,
        },
        {
          label: this.i18n.t('dash.col.breached'),
          values: buckets.map((b) => b.breached),
          color: COLORS.breached,
        },
      ] as BarSeries[],
    };
  });
  protected readonly firstResponseChart = computed(() =>
    this.stackOf(this.firstResponse()?.rows ?? []),
  );
  protected readonly workloadChart = computed(() => {
    const rows = this.workload()?.positions ?? [];
    return {
      categories: rows.map((r) => r.label),
      series: [
        {
          label: this.i18n.t('dash.col.active'),
          values: rows.map((r) => r.active - r.atRisk - r.breached),
          color: COLORS.other,
        },
        {
          label: this.i18n.t('dash.col.atRisk'),
          values: rows.map((r) => r.atRisk),
          color: COLORS.late,
        },
        {
          label: this.i18n.t('dash.col.breached'),
          values: rows.map((r) => r.breached),
          color: COLORS.breached,
        },
      ] as BarSeries[],
    };
  });

  private columns(...keys: MessageKey[]): string[] {
    return keys.map((k) => this.i18n.t(k));
  }

  protected readonly complianceTable = computed((): FigureTable => ({
    columns: this.columns(
      'dash.col.group',
      'dash.col.total',
      'dash.col.met',
      'dash.col.metLate',
      'dash.col.breached',
      'dash.col.withinLimit',
      'dash.col.average',
    ),
    rows: (this.compliance()?.rows ?? []).map((r) => ({
      key: r.key,
      head: r.label,
      cells: [
        r.total,
        r.met,
        r.metLate,
        r.breached,
        percent(r.withinLimitShare),
        workingTime(r.averageMinutes),
      ],
    })),
  }));
  protected readonly trendTable = computed((): FigureTable => ({
    columns: this.columns(
      'dash.period',
      'dash.col.total',
      'dash.col.met',
      'dash.col.metLate',
      'dash.col.breached',
      'dash.col.withinLimit',
    ),
    rows: (this.compliance()?.trend ?? []).map((r) => ({
      key: r.key,
      head: r.label,
      cells: [r.total, r.met, r.metLate, r.breached, percent(r.withinLimitShare)],
    })),
  }));
  protected readonly stepTable = computed((): FigureTable => ({
    columns: this.columns(
      'dash.col.step',
      'dash.col.position',
      'dash.col.standard',
      'dash.col.total',
      'dash.col.median',
      'dash.col.p90',
      'dash.col.late',
    ),
    rows: (this.steps()?.rows ?? []).map((r) => ({
      key: `${r.service}|${r.stepOrder}|${r.position}`,
      head: `${r.serviceName} · ${r.stepOrder}`,
      cells: [
        r.positionName,
        r.standard ?? '—',
        r.count,
        workingTime(r.medianMinutes),
        workingTime(r.p90Minutes),
        percent(r.lateShare),
      ],
    })),
  }));
  protected readonly backlogTable = computed((): FigureTable => ({
    columns: this.columns('dash.col.age', 'dash.col.total', 'dash.col.breached'),
    rows: (this.backlog()?.buckets ?? []).map((b) => ({
      key: b.key,
      head: this.ageLabel(b.minDays, b.maxDays),
      cells: [b.count, b.breached],
    })),
  }));
  protected readonly firstResponseTable = computed((): FigureTable => {
    const f = this.firstResponse();
    const row = (r: FirstResponseResponse['overall'], head: string, total = false) => ({
      key: total ? '\u0000overall' : r.key,
      head,
      total,
      cells: [r.total, r.met, r.breached, workingTime(r.medianMinutes), workingTime(r.p90Minutes)],
    });
    return {
      columns: this.columns(
        'dash.period',
        'dash.col.total',
        'dash.col.met',
        'dash.col.breached',
        'dash.col.median',
        'dash.col.p90',
      ),
      rows: f
        ? [...f.rows.map((r) => row(r, r.label)), row(f.overall, this.i18n.t('dash.overall'), true)]
        : [],
    };
  });
  protected readonly ikmTable = computed((): FigureTable => {
    const r = this.ikm();
    const all = this.i18n.t('dash.ikmAll');
    const cells = (x: IkmDashboardResponse['totals'][number]) => [
      x.respondents,
      ikmValue(x.converted),
      x.grade ? `${x.grade} (${x.gradeName ?? ''})` : '—',
    ];
    const rows: FigureRow[] = [];
    // Per period: each service, then all services together when there are several.
    for (const total of r?.totals ?? []) {
      const services = (r?.rows ?? []).filter((x) => x.period === total.period);
      for (const x of services)
        rows.push({
          key: `${x.period}|${x.serviceCode}`,
          head: `${x.period} · ${x.serviceName}`,
          cells: cells(x),
        });
      if (services.length > 1)
        rows.push({
          key: `${total.period}|\u0000all`,
          head: `${total.period} · ${all}`,
          cells: cells(total),
          total: true,
        });
    }
    return {
      columns: this.columns(
        'dash.col.ikmGroup',
        'dash.col.respondents',
        'dash.col.ikm',
        'dash.col.grade',
      ),
      rows,
    };
  });
  protected readonly ikmChart = computed(() => {
    const r = this.ikm();
    const periods = (r?.totals ?? []).map((t) => t.period);
    const services = [...new Map((r?.rows ?? []).map((x) => [x.serviceCode, x.serviceName]))];
    return {
      categories: periods,
      series: services.map(([code, name], i) => ({
        label: name,
        values: periods.map(
          (p) => r?.rows.find((x) => x.period === p && x.serviceCode === code)?.converted ?? null,
        ),
        color: PALETTE[i % PALETTE.length],
      })) as BarSeries[],
    };
  });
  protected readonly riskTables = computed(() => {
    const a = this.atRisk();
    return {
      columns: this.columns(
        'dash.col.number',
        'dash.col.subject',
        'dash.col.state',
        'dash.col.due',
      ),
      stepColumns: this.columns(
        'dash.col.number',
        'dash.col.step',
        'dash.col.state',
        'dash.col.due',
      ),
      tickets: (a?.tickets ?? []).map((t): FigureRow => ({
        key: t.id,
        head: t.number,
        link: `/tiket/${t.number}`,
        cells: [t.subject, this.stateLabel(t.state), this.due(t.dueAt)],
      })),
      steps: (a?.steps ?? []).map((st): FigureRow => ({
        key: `${st.ticketId}|${st.stepOrder}`,
        head: st.number,
        link: `/tiket/${st.number}`,
        cells: [
          `${st.stepOrder}. ${st.positionName}`,
          this.stateLabel(st.state),
          this.due(st.dueAt),
        ],
      })),
    };
  });
  protected readonly workloadTables = computed(() => {
    const w = this.workload();
    const row = (r: WorkloadResponse['positions'][number]): FigureRow => ({
      key: r.key,
      head: r.label,
      cells: [r.active, r.atRisk, r.breached],
    });
    return {
      positionColumns: this.columns(
        'dash.col.position',
        'dash.col.active',
        'dash.col.atRisk',
        'dash.col.breached',
      ),
      holderColumns: this.columns(
        'dash.by.holder',
        'dash.col.active',
        'dash.col.atRisk',
        'dash.col.breached',
      ),
      positions: (w?.positions ?? []).map(row),
      holders: (w?.holders ?? []).map(row),
    };
  });

  constructor() {
    this.catalog
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[])))
      .subscribe((offices) => {
        this.offices.set(offices);
        if (!this.office && offices.length) this.office = offices[0].code;
        this.loadLists();
        this.apply();
      });
  }

  protected ageLabel(min: number, max: number | null): string {
    if (max === null) return `${min}+`;
    return min === max ? `${min}` : `${min}–${max}`;
  }

  protected periodLabel(period: DashboardPeriod): string {
    return this.i18n.t(`dash.period.${period}` as MessageKey);
  }

  protected groupLabel(group: ComplianceGroup): string {
    return this.i18n.t(`dash.by.${group}` as MessageKey);
  }

  protected stateLabel(state: string): string {
    return this.i18n.t(`dash.state.${state}` as MessageKey);
  }

  protected due(value: string | null): string {
    return value ? formatInZone(value, this.timeZone(), this.i18n.locale()) : '—';
  }

  protected officeChanged(): void {
    this.service = '';
    this.opd = '';
    this.loadLists();
  }

  protected levelChanged(): void {
    if (!GROUPS_OF_LEVEL[this.level].includes(this.by)) this.by = 'service';
    this.loadCompliance();
  }

  /** Reads every table with the filter as it stands. */
  protected apply(): void {
    this.applied = {
      office: this.isAdmin() ? this.office || undefined : undefined,
      service: this.service || undefined,
      opd: this.opd || undefined,
      from: this.from || undefined,
      to: this.to || undefined,
      period: this.period,
    };
    this.loading.set(true);
    const f = this.applied;
    if (!this.ownStepsOnly()) this.appliedFilter.set({ ...f });
    const optional = <T>(source: Observable<T>, skip: boolean) =>
      skip ? of(null) : source.pipe(catchError((e: unknown) => (this.notifier.show(e), of(null))));
    forkJoin({
      compliance: optional(this.api.compliance(f, { level: this.level, by: this.by }), false),
      steps: optional(this.api.steps(f), false),
      backlog: optional(this.api.backlog(f), false),
      atRisk: optional(this.api.atRisk(f), false),
      firstResponse: optional(this.api.firstResponse(f), this.ownStepsOnly()),
      workload: optional(this.api.workload(f), false),
      ikm: optional(this.api.ikm(f), this.ownStepsOnly()),
    }).subscribe((r) => {
      this.compliance.set(r.compliance);
      this.steps.set(r.steps);
      this.backlog.set(r.backlog);
      this.atRisk.set(r.atRisk);
      this.firstResponse.set(r.firstResponse);
      this.workload.set(r.workload);
      this.ikm.set(r.ikm);
      this.loading.set(false);
    });
  }

  protected loadCompliance(): void {
    this.api.compliance(this.applied, { level: this.level, by: this.by }).subscribe({
      next: (r) => this.compliance.set(r),
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected download(table: DashboardTable, format: 'csv' | 'xlsx'): void {
    const extra = table === 'compliance' ? { level: this.level, by: this.by } : {};
    this.api.export(table, format, this.applied, extra).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `sigap-${table}.${format}`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  private loadLists(): void {
    const office = this.office || this.auth.user()?.office;
    if (!office) return;
    this.api
      .services(office)
      .pipe(catchError(() => of([] as ServiceSummary[])))
      .subscribe((s) => this.services.set(s));
    if (this.ownStepsOnly()) return;
    this.api
      .opds(office)
      .pipe(catchError(() => of([] as OpdView[])))
      .subscribe((o) => this.opds.set(o));
  }

  private stackOf(
    rows: ReadonlyArray<{ label: string; met: number; metLate: number; breached: number }>,
  ): { categories: string[]; series: BarSeries[] } {
    return {
      categories: rows.map((r) => r.label),
      series: [
        { label: this.i18n.t('dash.col.met'), values: rows.map((r) => r.met), color: COLORS.met },
        {
          label: this.i18n.t('dash.col.metLate'),
          values: rows.map((r) => r.metLate),
          color: COLORS.late,
        },
        {
          label: this.i18n.t('dash.col.breached'),
          values: rows.map((r) => r.breached),
          color: COLORS.breached,
        },
      ],
    };
  }
}
