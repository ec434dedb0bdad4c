import type {
  ChangeFigureRow,
  ChannelFigureRow,
  ImprovementActionStatus,
  IncidentFigureRow,
  KindFigureRow,
  TicketChannel,
  TicketKind,
} from '@sigap/contracts';
import { complianceSheets, ikmSheets, type Sheet } from '@sigap/api-dashboards';
import type { DerivedField } from '@sigap/standards';
import type { EvidencePackData } from './evidence-pack.service';

type Cell = string | number | null;

/** Ticket kinds as the pack names them. */
export const KIND_LABELS: Record<TicketKind, string> = {
  request: 'Permohonan layanan',
  complaint: 'Pengaduan',
  incident: 'Gangguan (insiden)',
  change: 'Perubahan',
};

/** Channels as the pack names them. */
export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  portal: 'Portal layanan',
  email: 'Surel',
  phone: 'Telepon',
  'walk-in': 'Datang langsung',
  letter: 'Surat',
};

export const DERIVED_LABELS: Record<DerivedField, string> = {
  serviceTime: 'waktu layanan',
  cost: 'biaya',
  products: 'produk',
  requirements: 'persyaratan',
};

/** The whole range in the per-kind and complaint tables. */
export const ALL_PERIODS = 'Seluruh periode';

/** Percent with one decimal, as every export writes it; null without a base. */
export const percentCell = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Sheet names of the pack, in order (the XLSX has them, then "Keterangan"). */
export const EVIDENCE_SHEETS = {
  catalog: 'Katalog layanan',
  channels: 'Kanal',
  kinds: 'Per jenis tiket',
  compliance: 'Kepatuhan SLA layanan',
  trend: 'Tren kepatuhan SLA',
  incidents: 'Gangguan',
  changes: 'Perubahan',
  ikm: 'IKM',
  complaints: 'Penanganan pengaduan',
  reviews: 'Tinjauan berkala',
  actions: 'Tindakan perbaikan',
} as const;

/** Improvement action statuses as the pack names them. */
export const ACTION_STATUS_LABELS: Record<ImprovementActionStatus, string> = {
  open: 'Belum dimulai',
  'in-progress': 'Sedang berjalan',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

export function kindCells(r: KindFigureRow): Cell[] {
  return [
    KIND_LABELS[r.kind],
    r.period === 'all' ? ALL_PERIODS : r.period,
    r.received,
    r.finished,
    r.met,
    r.metLate,
    r.breached,
    percentCell(r.withinLimitShare),
    r.open,
  ];
}

export function channelCells(r: ChannelFigureRow): Cell[] {
  return [CHANNEL_LABELS[r.channel], r.request, r.complaint, r.incident, r.change, r.total];
}

export function incidentCells(group: string, r: IncidentFigureRow): Cell[] {
  return [
    group,
    r.key,
    r.label,
    r.total,
    r.responseTotal,
    r.responseMet,
    r.responseMetLate,
    r.responseBreached,
    percentCell(r.responseShare),
    r.resolutionMet,
    r.resolutionMetLate,
    r.resolutionBreached,
    percentCell(r.resolutionShare),
    r.meanRestoreMinutes,
  ];
}

export function changeCells(group: string, r: ChangeFigureRow): Cell[] {
  return [
    group,
    r.key,
    r.label,
    r.total,
    r.implemented,
    r.success,
    r.failed,
    r.rolledBack,
    percentCell(r.successRate),
    r.rejected,
    r.incidentsCaused,
    r.changesWithIncidents,
    r.approvals,
    r.approvalsOnTime,
    percentCell(r.approvalsOnTimeShare),
  ];
}

/** Complaint handling: received, answered within their time or late, still open. */
export function complaintCells(r: KindFigureRow): Cell[] {
  return [
    r.period === 'all' ? ALL_PERIODS : r.period,
    r.received,
    r.finished,
    r.met + r.metLate,
    r.breached,
    percentCell(r.withinLimitShare),
    r.open,
  ];
}

/** The pack's underlying tables, one sheet per section. */
export function evidencePackSheets(d: EvidencePackData): Sheet[] {
  const [compliance, trend] = complianceSheets(d.compliance);
  const [ikm] = ikmSheets(d.ikm);
  const complaintRows = [
    ...d.kinds.rows.filter((r) => r.kind === 'complaint'),
    ...d.kinds.totals.filter((r) => r.kind === 'complaint'),
  ];
  return [
    {
      name: EVIDENCE_SHEETS.catalog,
      headers: [
        'Kode',
        'Layanan',
        'Jenis standar',
        'Nomor SK / SOP',
        'Versi',
        'Waktu layanan',
        'Biaya',
        'Produk',
        'Persyaratan',
        'Jumlah langkah',
        'Dihitung dari langkah',
      ],
      rows: d.catalog.map((s) => [
        s.code,
        s.name,
        s.kind === 'sop' ? 'SOP' : 'Standar Pelayanan',
        s.decree,
        s.version,
        s.serviceTime,
        s.cost,
        s.products.join('; '),
        s.requirements.join('; '),
        s.steps,
        s.derived.map((f) => DERIVED_LABELS[f]).join(', ') || null,
      ]),
    },
    {
      name: EVIDENCE_SHEETS.channels,
      headers: ['Kanal', 'Permohonan', 'Pengaduan', 'Gangguan', 'Perubahan', 'Jumlah'],
      rows: d.kinds.channels.map(channelCells),
    },
    {
      name: EVIDENCE_SHEETS.kinds,
      headers: [
        'Jenis',
        'Periode',
        'Diterima',
        'Selesai',
        'Tepat target',
        'Dalam batas',
        'Melewati batas',
        '% dalam batas',
        'Masih terbuka',
      ],
      rows: [...d.kinds.rows, ...d.kinds.totals].map(kindCells),
    },
    { ...compliance, name: EVIDENCE_SHEETS.compliance },
    { ...trend, name: EVIDENCE_SHEETS.trend },
    {
      name: EVIDENCE_SHEETS.incidents,
      headers: [
        'Kelompok',
        'Kode',
        'Nama',
        'Jumlah',
        'Tanggapan dihitung',
        'Tanggapan tepat target',
        'Tanggapan dalam batas',
        'Tanggapan melewati batas',
        '% tanggapan dalam batas',
        'Pemulihan tepat target',
        'Pemulihan dalam batas',
        'Pemulihan melewati batas',
        '% pemulihan dalam batas',
        'Rata-rata waktu pulih (menit)',
      ],
      rows: [
        ...d.incidents.byPriority.map((r) => incidentCells('Prioritas', r)),
        ...d.incidents.byService.map((r) => incidentCells('Layanan TI', r)),
        incidentCells('Semua', d.incidents.total),
      ],
    },
    {
      name: EVIDENCE_SHEETS.changes,
      headers: [
        'Kelompok',
        'Kode',
        'Nama',
        'Selesai',
        'Dilaksanakan',
        'Berhasil',
        'Gagal',
        'Dibatalkan (rollback)',
        '% berhasil',
        'Ditolak',
        'Gangguan akibat perubahan',
        'Perubahan yang menimbulkan gangguan',
        'Persetujuan diputuskan',
        'Persetujuan tepat waktu',
        '% persetujuan tepat waktu',
      ],
      rows: [
        ...d.changes.byRisk.map((r) => changeCells('Risiko', r)),
        ...d.changes.byPeriod.map((r) => changeCells('Periode', r)),
        changeCells('Semua', d.changes.total),
      ],
    },
    { ...ikm, name: EVIDENCE_SHEETS.ikm },
    {
      name: EVIDENCE_SHEETS.complaints,
      headers: [
        'Periode',
        'Diterima',
        'Selesai',
        'Dijawab dalam batas waktu',
        'Melewati batas waktu',
        '% dalam batas waktu',
        'Masih terbuka',
      ],
      rows: complaintRows.map(complaintCells),
    },
    {
      name: EVIDENCE_SHEETS.reviews,
      headers: [
        'Tanggal',
        'Judul',
        'Periode ditinjau',
        'Peserta',
        'Tiket selesai',
        '% dalam batas',
        'Keputusan',
        'Tindakan perbaikan',
      ],
      rows: d.reviews.reviews.map((r) => [
        r.heldOn,
        r.title,
        `${r.periodFrom} – ${r.periodTo}`,
        r.attendees.map((a) => `${a.name} (${a.position})`).join('; '),
        r.figures.tickets.total,
        percentCell(r.figures.tickets.withinLimitShare),
        r.decisions.join('; ') || null,
        r.actionCount,
      ]),
    },
    {
      name: EVIDENCE_SHEETS.actions,
      headers: [
        'Tindakan',
        'Dari tinjauan',
        'Pemilik',
        'Jatuh tempo',
        'Status',
        'Tanggal selesai',
        'Terlambat',
        'Catatan penutup',
      ],
      rows: d.reviews.actions.map((a) => [
        a.title,
        a.reviewTitle,
        a.ownerName,
        a.dueOn,
        ACTION_STATUS_LABELS[a.status],
        a.doneOn,
        a.overdue ? 'ya' : 'tidak',
        a.closingNote,
      ]),
    },
  ];
}
