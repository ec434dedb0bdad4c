import type {
  AtRiskResponse,
  BacklogResponse,
  ComplianceResponse,
  DashboardMeta,
  FirstResponseResponse,
  IkmDashboardResponse,
  StepBottlenecksResponse,
  WorkloadResponse,
} from '@sigap/contracts';
import { ikmShown } from '@sigap/standards';
import { Workbook } from 'exceljs';

type Cell = string | number | null;

/** One table of an export: Indonesian column headers, then rows of plain values. */
export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function complianceSheets(r: ComplianceResponse): Sheet[] {
  const headers = [
    'Kelompok',
    'Jumlah',
    'Tepat target',
    'Dalam batas',
    'Melewati batas',
    '% dalam batas',
    '% tepat target',
    'Rata-rata (menit kerja)',
  ];
  const toRow = (x: ComplianceResponse['rows'][number]): Cell[] => [
    x.label,
    x.total,
    x.met,
    x.metLate,
    x.breached,
    pct(x.withinLimitShare),
    pct(x.metShare),
    x.averageMinutes,
  ];
  return [
    { name: 'Kepatuhan', headers, rows: r.rows.map(toRow) },
    { name: 'Tren', headers: ['Periode', ...headers.slice(1)], rows: r.trend.map(toRow) },
  ];
}

export function stepSheets(r: StepBottlenecksResponse): Sheet[] {
  return [
    {
      name: 'Langkah',
      headers: [
        'Layanan',
        'Langkah',
        'Jabatan',
        'Standar',
        'Target (menit kerja)',
        'Jumlah',
        'Median (menit kerja)',
        'P90 (menit kerja)',
        '% terlambat',
        'Melewati batas',
      ],
      rows: r.rows.map((x) => [
        x.serviceName,
        x.stepOrder,
        x.positionName,
        x.standard,
        x.targetMinutes,
        x.count,
        x.medianMinutes,
        x.p90Minutes,
        pct(x.lateShare),
        x.breached,
      ]),
    },
  ];
}

export function backlogSheets(r: BacklogResponse): Sheet[] {
  return [
    {
      name: 'Umur antrean',
      headers: ['Umur (hari kerja)', 'Jumlah', 'Melewati batas'],
      rows: r.buckets.map((b) => [
        b.maxDays === null
          ? `${b.minDays}+`
          : b.minDays === b.maxDays
            ? `${b.minDays}`
            : `${b.minDays}-${b.maxDays}`,
        b.count,
        b.breached,
      ]),
    },
  ];
}

export function atRiskSheets(r: AtRiskResponse): Sheet[] {
  return [
    {
      name: 'Tiket berisiko',
      headers: ['Nomor', 'Perihal', 'Layanan', 'Status SLA', 'Batas waktu (UTC)'],
      rows: r.tickets.map((t) => [t.number, t.subject, t.service, t.state, t.dueAt]),
    },
    {
      name: 'Langkah berisiko',
      headers: ['Nomor', 'Langkah', 'Jabatan', 'Status SLA', 'Batas waktu (UTC)'],
      rows: r.steps.map((s) => [s.number, s.stepOrder, s.positionName, s.state, s.dueAt]),
    },
  ];
}

/** IKM per period and service, then all services per period; averages per element U1-U9. */
export function ikmSheets(r: IkmDashboardResponse): Sheet[] {
  const round = (v: number | null, digits: number) =>
    v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
  const figures = (x: IkmDashboardResponse['totals'][number]): Cell[] => [
    x.respondents,
    // As shown everywhere: truncated to two decimals, the value the grade is read from.
    x.converted === null ? null : ikmShown(x.converted),
    x.grade,
    x.gradeName,
    ...Array.from({ length: 9 }, (_, i) => round(x.averages?.[i] ?? null, 3)),
  ];
  return [
    {
      name: 'IKM',
      headers: [
        'Periode',
        'Layanan',
        'Responden',
        'IKM (25-100)',
        'Mutu',
        'Kinerja',
        ...Array.from({ length: 9 }, (_, i) => `U${i + 1}`),
      ],
      rows: [
        ...r.rows.map((x) => [x.period, x.serviceName, ...figures(x)]),
        ...r.totals.map((x) => [x.period, 'Semua layanan', ...figures(x)]),
      ],
    },
  ];
}

export function firstResponseSheets(r: FirstResponseResponse): Sheet[] {
  return [
    {
      name: 'Tanggapan pertama',
      headers: [
        'Periode',
        'Jumlah',
        'Tepat target',
        'Dalam batas',
        'Melewati batas',
        'Median (menit kerja)',
        'P90 (menit kerja)',
      ],
      rows: [...r.rows, r.overall].map((x) => [
        x.label,
        x.total,
        x.met,
        x.metLate,
        x.breached,
        x.medianMinutes,
        x.p90Minutes,
      ]),
    },
  ];
}

export function workloadSheets(r: WorkloadResponse): Sheet[] {
  const headers = ['Langkah aktif', 'Berisiko', 'Melewati batas'];
  return [
    {
      name: 'Beban jabatan',
      headers: ['Jabatan', ...headers],
      rows: r.positions.map((x) => [x.label, x.active, x.atRisk, x.breached]),
    },
    {
      name: 'Beban pemegang',
      headers: ['Pemegang', ...headers],
      rows: r.holders.map((x) => [x.label, x.active, x.atRisk, x.breached]),
    },
  ];
}

/** A spreadsheet program must not run a cell as a formula: such text gets a leading quote. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs); several tables get a first column. */
export function toCsv(sheets: Sheet[]): string {
  const many = sheets.length > 1;
  const lines: string[] = [];
  lines.push([...(many ? ['Tabel'] : []), ...sheets[0].headers].map(csvCell).join(','));
  for (const sheet of sheets) {
    if (many && sheet !== sheets[0] && sheet.headers.join() !== sheets[0].headers.join())
      lines.push([sheet.name, ...sheet.headers].map(csvCell).join(','));
    for (const row of sheet.rows)
      lines.push([...(many ? [sheet.name] : []), ...row].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX: one worksheet per table, then one with the filters the figures were read under. */
export async function toXlsx(sheets: Sheet[], meta: DashboardMeta): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Sigap';
  workbook.created = new Date(meta.generatedAt);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows)
      ws.addRow(row.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    ws.columns.forEach((column, i) => {
      const longest = Math.max(
        sheet.headers[i]?.length ?? 8,
        ...sheet.rows.map((r) => String(r[i] ?? '').length),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const info = workbook.addWorksheet('Keterangan');
  info.addRows([
    ['Kantor', meta.scope.office],
    ['Pemegang', meta.scope.holderName ?? '(seluruh kantor)'],
    ['Dari bulan', meta.from],
    ['Sampai bulan', meta.to],
    ['Periode', meta.period],
    ['Data per (UTC)', meta.dataAsOf ?? '-'],
    ['Dibuat (UTC)', meta.generatedAt],
  ]);
  info.getColumn(1).width = 18;
  info.getColumn(2).width = 32;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
