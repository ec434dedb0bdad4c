import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  AtRiskResponse,
  BacklogResponse,
  ComplianceResponse,
  CurrentUser,
  DashboardMeta,
  FirstResponseResponse,
  IkmDashboardResponse,
  StepBottlenecksResponse,
  WorkloadResponse,
} from '@sigap/contracts';
import type {
  ChangeDashboardResponse,
  ChangeFigureRow,
  IncidentDashboardResponse,
  IncidentFigureRow,
} from '@sigap/contracts';
import { OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { DashboardPage, ikmValue, percent, workingTime } from './dashboard.page';
import { Chart, type LinearScaleOptions } from 'chart.js';

const MANAGER: CurrentUser = {
  id: 'u-kadis',
  email: 'kadis.bali@sigap.local',
  name: 'Kepala Dinas',
  roles: ['manager'],
  office: 'bali',
  locale: 'id',
};
const EXECUTOR: CurrentUser = {
  ...MANAGER,
  id: 'u-kasi',
  name: 'Kasi Aplikasi',
  roles: ['executor'],
};

const META: DashboardMeta = {
  scope: { office: 'bali', holderId: null, holderName: null },
  from: '2026-01',
  to: '2026-12',
  period: 'month',
  dataAsOf: '2026-05-27T01:00:00.000Z',
  generatedAt: '2026-05-27T01:00:30.000Z',
};
const row = (key: string, total: number, met: number, metLate: number, breached: number) => ({
  key,
  label: key === 'pengembangan-aplikasi' ? 'Pengembangan Aplikasi' : key,
  total,
  met,
  metLate,
  breached,
  withinLimitShare: total ? (met + metLate) / total : null,
  metShare: total ? met / total : null,
  averageMinutes: total ? 135 : null,
});
const COMPLIANCE: ComplianceResponse = {
  ...META,
  level: 'tickets',
  by: 'service',
  rows: [row('pengembangan-aplikasi', 3, 2, 0, 1)],
  trend: [row('2026-04', 2, 2, 0, 0), row('2026-05', 1, 0, 0, 1)],
};
const STEPS: StepBottlenecksResponse = {
  ...META,
  rows: [
    {
      service: 'pengembangan-aplikasi',
      serviceName: 'Pengembangan Aplikasi',
      stepOrder: 3,
      position: 'kabid-iai',
      positionName: 'Kepala Bidang IAI',
      standard: '1 Jam',
      targetMinutes: 60,
      count: 3,
      medianMinutes: 30,
      p90Minutes: 450,
      lateShare: 2 / 3,
      breached: 2,
    },
  ],
};
const BACKLOG: BacklogResponse = {
  ...META,
  total: 1,
  buckets: [
    { key: '0', minDays: 0, maxDays: 0, count: 0, breached: 0 },
    { key: '21+', minDays: 21, maxDays: null, count: 1, breached: 1 },
  ],
};
const AT_RISK: AtRiskResponse = {
  ...META,
  atRisk: 0,
  breached: 1,
  tickets: [
    {
      id: 't-1',
      number: 'BALI-2026-000004',
      subject: 'Aplikasi masih terbuka',
      service: 'pengembangan-aplikasi',
      state: 'breached',
      dueAt: '2026-05-20T01:00:00.000Z',
    },
  ],
  steps: [],
};
const FIRST: FirstResponseResponse = {
  ...META,
  rows: [],
  overall: {
    key: 'all',
    label: '2026-01 – 2026-12',
    total: 3,
    met: 2,
    metLate: 0,
    breached: 1,
    medianMinutes: 40,
    p90Minutes: 570,
  },
};
const WORKLOAD: WorkloadResponse = {
  ...META,
  positions: [{ key: 'kasubbag-tu', label: 'Kasubbag TU', active: 1, atRisk: 0, breached: 1 }],
  holders: [{ key: 'u-tu', label: 'Ni Made', active: 1, atRisk: 0, breached: 1 }],
};

const ikmFigures = (respondents: number, converted: number, grade: 'A' | 'B' | 'C' | 'D') => ({
  respondents,
  averages: Array.from({ length: 9 }, () => converted / 25),
  index: converted / 25,
  converted,
  shown: converted.toFixed(2),
  grade,
  gradeName: { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' }[grade],
});
const IKM: IkmDashboardResponse = {
  ...META,
  rows: [
    {
      officeCode: 'bali',
      period: '2026-05',
      serviceCode: 'pengembangan-aplikasi',
      serviceName: 'Pengembangan Aplikasi',
      ...ikmFigures(2, 87.5, 'B'),
    },
    {
      officeCode: 'bali',
      period: '2026-05',
      serviceCode: 'hosting',
      serviceName: 'Hosting',
      ...ikmFigures(1, 100, 'A'),
    },
    {
      officeCode: 'bali',
      period: '2026-06',
      serviceCode: 'hosting',
      serviceName: 'Hosting',
      ...ikmFigures(1, 47.2222, 'D'),
    },
  ],
  totals: [
    { officeCode: 'bali', period: '2026-05', ...ikmFigures(3, 91.6667, 'A') },
    { officeCode: 'bali', period: '2026-06', ...ikmFigures(1, 47.2222, 'D') },
  ],
};

/** Cell texts of every row under `selector`, a row's cells joined by " | ". */
function incidentRow(key: string, label: string, extra: Partial<IncidentFigureRow> = {}) {
  return {
    key,
    label,
    supportHours: null,
    total: 0,
    responseTotal: 0,
    responseMet: 0,
    responseMetLate: 0,
    responseBreached: 0,
    responseShare: null,
    resolutionMet: 0,
    resolutionMetLate: 0,
    resolutionBreached: 0,
    resolutionShare: null,
    meanRestoreMinutes: null,
    ...extra,
  } as IncidentFigureRow;
}

const TWO: Partial<IncidentFigureRow> = {
  total: 2,
  responseTotal: 2,
  responseMet: 1,
  responseBreached: 1,
  responseShare: 0.5,
  resolutionMet: 1,
  resolutionBreached: 1,
  resolutionShare: 0.5,
  meanRestoreMinutes: 390,
};

const INCIDENTS = {
  scope: { office: 'bali', holderId: null, holderName: null },
  from: '2025-06',
  to: '2026-05',
  period: 'month',
  dataAsOf: null,
  generatedAt: '2026-05-27T01:00:00.000Z',
  byPriority: [
    { ...incidentRow('P1', 'P1 Kritis', TWO), key: 'P1' },
    { ...incidentRow('P2', 'P2 Tinggi'), key: 'P2' },
    { ...incidentRow('P3', 'P3 Sedang'), key: 'P3' },
    { ...incidentRow('P4', 'P4 Rendah'), key: 'P4' },
  ],
  byService: [
    incidentRow('pusat-data', 'Pusat Data', { ...TWO, supportHours: '24x7' }),
    incidentRow('email-dinas', 'E-mail Dinas', { ...TWO, supportHours: 'office' }),
  ],
  total: incidentRow('all', 'all', TWO),
} as IncidentDashboardResponse;

function changeRow(key: string, label: string, extra: Partial<ChangeFigureRow> = {}) {
  return {
    key,
    label,
    total: 0,
    implemented: 0,
    success: 0,
    failed: 0,
    rolledBack: 0,
    successRate: null,
    rejected: 0,
    incidentsCaused: 0,
    changesWithIncidents: 0,
    approvals: 0,
    approvalsOnTime: 0,
    approvalsOnTimeShare: null,
    ...extra,
  } as ChangeFigureRow;
}

const THREE: Partial<ChangeFigureRow> = {
  total: 3,
  implemented: 2,
  success: 1,
  rolledBack: 1,
  successRate: 0.5,
  rejected: 1,
  incidentsCaused: 1,
  changesWithIncidents: 2,
  approvals: 3,
  approvalsOnTime: 2,
  approvalsOnTimeShare: 2 / 3,
};

const CHANGES = {
  ...INCIDENTS,
  byRisk: [
    { ...changeRow('rendah', 'Risiko rendah'), key: 'rendah' },
    { ...changeRow('sedang', 'Risiko sedang'), key: 'sedang' },
    { ...changeRow('tinggi', 'Risiko tinggi', THREE), key: 'tinggi' },
  ],
  byPeriod: [changeRow('2026-04', '2026-04'), changeRow('2026-05', '2026-05', THREE)],
  total: changeRow('all', 'all', THREE),
} as unknown as ChangeDashboardResponse;

function rowsOf(root: HTMLElement, selector: string): string[] {
  return [...root.querySelectorAll(`${selector} tr`)].map((tr) =>
    [...tr.querySelectorAll('th, td')]
      .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
      .join(' | '),
  );
}

describe('dashboard helpers', () => {
  it('shows working minutes as hours and minutes, shares as percentages', () => {
    expect(workingTime(135)).toBe('2 j 15 m');
    expect(workingTime(45)).toBe('45 m');
    expect(workingTime(null)).toBe('—');
    expect(percent(2 / 3)).toBe('66.7 %');
    expect(percent(null)).toBe('—');
    expect(ikmValue(87.5)).toBe('87.50');
    expect(ikmValue(47.22222)).toBe('47.22');
    expect(ikmValue(null)).toBe('—');
    // Truncated, never rounded: the grade is read from the value shown.
    expect(ikmValue(88.309)).toBe('88.30');
    expect(ikmValue(64.999)).toBe('64.99');
    expect(ikmValue(76.6)).toBe('76.60');
  });
});

describe('DashboardPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const dashboards = (path: string) => (r: { url: string }) =>
    r.url === `/api/v1/dashboards/${path}`;

  async function open(user: CurrentUser): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'dasbor', component: DashboardPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dasbor');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
    return harness.routeNativeElement!;
  }

  function flushAll(skipFirstResponse = false): TestRequest {
    const compliance = backend.expectOne(dashboards('compliance'));
    compliance.flush(COMPLIANCE);
    backend.expectOne(dashboards('steps')).flush(STEPS);
    backend.expectOne(dashboards('backlog')).flush(BACKLOG);
    backend.expectOne(dashboards('at-risk')).flush(AT_RISK);
    if (!skipFirstResponse) backend.expectOne(dashboards('first-response')).flush(FIRST);
    backend.expectOne(dashboards('workload')).flush(WORKLOAD);
    if (!skipFirstResponse) backend.expectOne(dashboards('ikm')).flush(IKM);
    // The incidents card loads itself with the applied filter once rendered.
    harness.fixture.detectChanges();
    for (const r of backend.match(dashboards('incidents'))) r.flush(INCIDENTS);
    for (const r of backend.match(dashboards('changes'))) r.flush(CHANGES);
    return compliance;
  }

  afterEach(() => backend.verify());

  it('shows incidents by priority and by IT service with compliance and time to restore', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    flushAll();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    expect(textOf(element, '[data-test=dash-incidents] h2')).toBe('Gangguan (insiden)');
    expect(rowsOf(element, '[data-test=dash-inc-priority] tbody')).toEqual([
      'P1 Kritis | 2 | 50.0 % (1/2) | 50.0 % (1/2) | 1 | 6 j 30 m',
      'P2 Tinggi | 0 | — (0/0) | — (0/0) | 0 | —',
      'P3 Sedang | 0 | — (0/0) | — (0/0) | 0 | —',
      'P4 Rendah | 0 | — (0/0) | — (0/0) | 0 | —',
      'Semua gangguan | 2 | 50.0 % (1/2) | 50.0 % (1/2) | 1 | 6 j 30 m',
    ]);
    expect(rowsOf(element, '[data-test=dash-inc-service] tbody')).toEqual([
      'Pusat Data (24x7) | 2 | 50.0 % (1/2) | 50.0 % (1/2) | 1 | 6 j 30 m',
      'E-mail Dinas (jam kerja) | 2 | 50.0 % (1/2) | 50.0 % (1/2) | 1 | 6 j 30 m',
    ]);
  });

  it('shows changes by risk and period: success rate, incidents caused, approvals on time', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    flushAll();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    expect(textOf(element, '[data-test=dash-changes] h2')).toBe('Perubahan');
    expect(rowsOf(element, '[data-test=dash-chg-risk] tbody')).toEqual([
      'Risiko rendah | 0 | 0 | — (0/0) | 0 / 0 | 0 | 0 (0) | — (0/0)',
      'Risiko sedang | 0 | 0 | — (0/0) | 0 / 0 | 0 | 0 (0) | — (0/0)',
      'Risiko tinggi | 3 | 2 | 50.0 % (1/2) | 0 / 1 | 1 | 1 (2) | 66.7 % (2/3)',
      'Semua perubahan | 3 | 2 | 50.0 % (1/2) | 0 / 1 | 1 | 1 (2) | 66.7 % (2/3)',
    ]);
    // Periods without a finished change are left out.
    expect(rowsOf(element, '[data-test=dash-chg-period] tbody')).toEqual([
      '2026-05 | 3 | 2 | 50.0 % (1/2) | 0 / 1 | 1 | 1 (2) | 66.7 % (2/3)',
    ]);
  });

  it('shows each table with its figures, a labelled chart beside it and the data time', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    const compliance = flushAll();
    expect(compliance.request.params.get('level')).toBe('tickets');
    expect(compliance.request.params.get('by')).toBe('service');
    expect(compliance.request.params.get('office')).toBeNull();
    await harness.fixture.whenStable();

    expect(textOf(element, 'h1')).toBe('Dasbor SLA');
    // 27 May 01:00 UTC is 09.00 WITA.
    expect(textOf(element, '[data-test=dash-as-of]')).toContain('27 Mei 2026 09.00 WITA');
    expect(rowsOf(element, '[data-test=dash-compliance-table] tbody')).toEqual([
      'Pengembangan Aplikasi | 3 | 2 | 0 | 1 | 66.7 % | 2 j 15 m',
    ]);
    expect(rowsOf(element, '[data-test=dash-trend-table] tbody')).toContain(
      '2026-05 | 1 | 0 | 0 | 1 | 0.0 %',
    );
    expect(rowsOf(element, '[data-test=dash-steps-table] tbody')).toEqual([
      'Pengembangan Aplikasi · 3 | Kepala Bidang IAI | 1 Jam | 3 | 30 m | 7 j 30 m | 66.7 %',
    ]);
    expect(rowsOf(element, '[data-test=dash-backlog-table] tbody')).toContain('21+ | 1 | 1');
    expect(textOf(element, '[data-test=dash-risk-counts]')).toBe('0 berisiko, 1 melewati batas');
    expect(textOf(element, '[data-test=dash-risk-tickets] tbody')).toContain('BALI-2026-000004');
    expect(rowsOf(element, '[data-test=dash-fr-table] tbody')).toContain(
      'Keseluruhan | 3 | 2 | 1 | 40 m | 9 j 30 m',
    );
    expect(rowsOf(element, '[data-test=dash-load-positions] tbody')).toEqual([
      'Kasubbag TU | 1 | 0 | 1',
    ]);

    // IKM per service and period with respondents and grade; all services where several.
    expect(rowsOf(element, '[data-test=dash-ikm-table] tbody')).toEqual([
      '2026-05 · Pengembangan Aplikasi | 2 | 87.50 | B (Baik)',
      '2026-05 · Hosting | 1 | 100.00 | A (Sangat Baik)',
      // 91.6667 is truncated, not rounded, like every IKM shown.
      '2026-05 · Semua layanan | 3 | 91.66 | A (Sangat Baik)',
      '2026-06 · Hosting | 1 | 47.22 | D (Tidak Baik)',
    ]);
    expect(element.querySelectorAll('[data-test=dash-ikm-row]').length).toBe(3);
    expect(textOf(element, '[data-test=dash-ikm-table] thead')).toContain('Responden');

    const canvases = element.querySelectorAll('canvas[role=img]');
    expect(canvases.length).toBe(7);
    canvases.forEach((c) => expect(c.getAttribute('aria-label')).toContain('tabel di sampingnya'));
    const buttons = element.querySelectorAll<HTMLButtonElement>('button[data-test^=dash-xlsx]');
    expect(buttons.length).toBe(7);
    buttons.forEach((b) => expect(b.getAttribute('aria-label')).toMatch(/^Unduh XLSX: /));
  });

  it('charts name their units, count in whole numbers, and draw minutes on a log scale', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    flushAll();
    await harness.fixture.whenStable();
    const chartOf = (table: string) => {
      const canvas = element.querySelector<HTMLCanvasElement>(
        `sg-chart-table:has([data-test=${table}]) canvas`,
      );
      const chart = canvas ? Chart.getChart(canvas) : undefined;
      if (!chart) throw new Error(`no chart beside ${table}`);
      return chart;
    };
    for (const table of ['dash-compliance-table', 'dash-backlog-table', 'dash-fr-table']) {
      const y = chartOf(table).options.scales?.['y'] as LinearScaleOptions;
      expect(y.title.text).withContext(table).toBe('Jumlah tiket');
      expect(y.title.display).withContext(table).toBeTrue();
      expect(y.ticks.precision).withContext(table).toBe(0);
    }
    // Median and P90 (minutes) beside a target a thousand times larger: a logarithmic axis.
    const steps = chartOf('dash-steps-table');
    const y = steps.options.scales?.['y'] as LinearScaleOptions & { type: string };
    expect(steps.scales['y'].type).toBe('logarithmic');
    expect(y.title.text).toBe('Menit kerja (skala log)');
    expect((chartOf('dash-ikm-table').options.scales?.['y'] as LinearScaleOptions).title.text).toBe(
      'Nilai IKM (25–100)',
    );
    // The workload bars lie down: their counting axis is x.
    const load = element.querySelector<HTMLCanvasElement>('[data-test=dash-workload] canvas');
    const x = Chart.getChart(load!)!.options.scales?.['x'] as LinearScaleOptions;
    expect(x.title.text).toBe('Jumlah tiket');
    expect(x.ticks.precision).toBe(0);
  });

  it('applies the filter to every table and exports with the same filter', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    flushAll();
    await harness.fixture.whenStable();

    const from = element.querySelector<HTMLInputElement>('[data-test=dash-from]')!;
    from.value = '2025-01';
    from.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-test=dash-apply]')!.click();
    const compliance = flushAll();
    expect(compliance.request.params.get('from')).toBe('2025-01');
    await harness.fixture.whenStable();

    spyOn(URL, 'createObjectURL').and.returnValue('blob:x');
    spyOn(HTMLAnchorElement.prototype, 'click');
    element.querySelector<HTMLButtonElement>('[data-test=dash-xlsx-steps]')!.click();
    const file = backend.expectOne(dashboards('steps/export'));
    expect(file.request.params.get('format')).toBe('xlsx');
    expect(file.request.params.get('from')).toBe('2025-01');
    expect(file.request.responseType).toBe('blob');
    file.flush(new Blob(['x']));
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled();

    element.querySelector<HTMLButtonElement>('[data-test=dash-csv-compliance]')!.click();
    const csv = backend.expectOne(dashboards('compliance/export'));
    expect(csv.request.params.get('by')).toBe('service');
    expect(csv.request.params.get('format')).toBe('csv');
    csv.flush(new Blob(['x']));

    element.querySelector<HTMLButtonElement>('[data-test=dash-csv-ikm]')!.click();
    const ikm = backend.expectOne(dashboards('ikm/export'));
    expect(ikm.request.params.get('from')).toBe('2025-01');
    expect(ikm.request.params.get('format')).toBe('csv');
    ikm.flush(new Blob(['x']));
  });

  it('shows a line when no questionnaire matches the filter', async () => {
    const element = await open(MANAGER);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    const compliance = backend.expectOne(dashboards('compliance'));
    compliance.flush(COMPLIANCE);
    backend.expectOne(dashboards('steps')).flush(STEPS);
    backend.expectOne(dashboards('backlog')).flush(BACKLOG);
    backend.expectOne(dashboards('at-risk')).flush(AT_RISK);
    backend.expectOne(dashboards('first-response')).flush(FIRST);
    backend.expectOne(dashboards('workload')).flush(WORKLOAD);
    backend.expectOne(dashboards('ikm')).flush({ ...IKM, rows: [], totals: [] });
    harness.fixture.detectChanges();
    backend.expectOne(dashboards('incidents')).flush(INCIDENTS);
    backend.expectOne(dashboards('changes')).flush(CHANGES);
    await harness.fixture.whenStable();
    expect(rowsOf(element, '[data-test=dash-ikm-table] tbody')).toEqual([
      'Belum ada kuesioner yang diisi untuk saringan ini.',
    ]);
  });

  it('an executor reads their own steps: no first response, steps level', async () => {
    const element = await open(EXECUTOR);
    const compliance = flushAll(true);
    expect(compliance.request.params.get('level')).toBe('steps');
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=dash-first-response]')).toBeNull();
    expect(element.querySelector('[data-test=dash-ikm]')).toBeNull();
    expect(element.querySelector('[data-test=dash-incidents]')).toBeNull();
    expect(element.querySelector('[data-test=dash-changes]')).toBeNull();
    expect(element.querySelector('[data-test=dash-level]')).toBeNull();
  });
});
