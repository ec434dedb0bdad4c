import PDFDocument from 'pdfkit';
import type { IncidentFigureRow } from '@sigap/contracts';
import { IKM_GRADES, ikmShownText } from '@sigap/standards';
import { changeColumns, changeLine, dateText, percent } from './evaluation-pdf';
import { evaluationTexts } from './evaluation-texts';
import {
  ACTION_STATUS_LABELS,
  ALL_PERIODS,
  CHANNEL_LABELS,
  DERIVED_LABELS,
  KIND_LABELS,
} from './evidence-pack-sheets';
import type { EvidencePackData } from './evidence-pack.service';
import { BOLD, REGULAR, useReportFonts } from './pdf-fonts';
import { FOOTER, heading, MARGIN, table, type Column, type Doc } from './pdf-layout';

const t = evaluationTexts('id');
/** Requirements listed by name in the catalog table; the rest are counted. */
const REQUIREMENTS_LISTED = 4;

/** `2026-10` -> "Oktober 2026"; `2026-Q4` -> "Triwulan IV 2026"; `2026` -> "2026". */
export function periodLabel(key: string): string {
  if (key === 'all') return ALL_PERIODS;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Triwulan ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${t.months[Number(month[2]) - 1]} ${month[1]}`;
  return key;
}

function note(doc: Doc, text: string) {
  doc.font(REGULAR).fontSize(8).fillColor('#444').text(text).fillColor('black').moveDown(0.6);
}

function none(doc: Doc, text: string) {
  doc.font(REGULAR).fontSize(9).text(text).moveDown(0.8);
}

function requirementsText(list: string[]): string {
  if (!list.length) return '-';
  const shown = list.slice(0, REQUIREMENTS_LISTED).map((r, i) => `${i + 1}. ${r}`);
  const more = list.length - shown.length;
  return [`${list.length} dokumen:`, ...shown, ...(more ? [`dan ${more} lainnya`] : [])].join('\n');
}

function catalogSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '1. Katalog layanan dan standar pelayanan');
  if (!d.catalog.length) return none(doc, 'Kantor ini belum memiliki layanan yang berlaku.');
  const cols: Column[] = [
    { title: 'Layanan', width: 170 },
    { title: 'Waktu layanan', width: 95 },
    { title: 'Biaya', width: 80 },
    { title: 'Produk', width: 130 },
    { title: 'Persyaratan', width: width - 530 },
    { title: 'Langkah', width: 55, align: 'right' },
  ];
  table(
    doc,
    cols,
    d.catalog.map((s) => [
      `${s.name}\n${s.kind === 'sop' ? 'SOP' : 'Standar Pelayanan'}${s.decree ? ` ${s.decree}` : ''} (versi ${s.version})`,
      s.serviceTime || '-',
      s.cost || '-',
      s.products.join('; ') || '-',
      requirementsText(s.requirements),
      String(s.steps),
    ]),
  );
  for (const s of d.catalog.filter((x) => x.derived.length))
    note(
      doc,
      `${s.name}: ${s.derived.map((f) => DERIVED_LABELS[f]).join(', ')} dihitung dari langkah (tidak diterbitkan dalam standar).`,
    );
}

function channelSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '2. Kanal layanan yang ditangani');
  const w = (width - 180) / 5;
  const cols: Column[] = [
    { title: 'Kanal', width: 180 },
    ...['Permohonan', 'Pengaduan', 'Gangguan', 'Perubahan', 'Jumlah'].map((title): Column => ({
      title,
      width: w,
      align: 'right',
    })),
  ];
  const rows = d.kinds.channels.map((c) => [
    CHANNEL_LABELS[c.channel],
    String(c.request),
    String(c.complaint),
    String(c.incident),
    String(c.change),
    String(c.total),
  ]);
  const sum = (f: (c: (typeof d.kinds.channels)[number]) => number) =>
    String(d.kinds.channels.reduce((n, c) => n + f(c), 0));
  rows.push([
    'Semua kanal',
    sum((c) => c.request),
    sum((c) => c.complaint),
    sum((c) => c.incident),
    sum((c) => c.change),
    sum((c) => c.total),
  ]);
  table(doc, cols, rows, new Set([rows.length - 1]));
}

function kindSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '3. Jumlah dan kepatuhan SLA per jenis tiket dan periode');
  const cols: Column[] = [
    { title: 'Jenis', width: 150 },
    { title: 'Periode', width: 110 },
    { title: 'Diterima', width: 60, align: 'right' },
    { title: 'Selesai', width: 60, align: 'right' },
    { title: t.met, width: 70, align: 'right' },
    { title: t.metLate, width: 70, align: 'right' },
    { title: t.breached, width: 80, align: 'right' },
    { title: t.withinLimit, width: 60, align: 'right' },
    { title: 'Masih terbuka', width: width - 660, align: 'right' },
  ];
  const rows: string[][] = [];
  const bold = new Set<number>();
  for (const total of d.kinds.totals) {
    for (const r of d.kinds.rows.filter((x) => x.kind === total.kind))
      rows.push(kindLine(r.kind, r.period, r));
    bold.add(rows.length);
    rows.push(kindLine(total.kind, 'all', total));
  }
  table(doc, cols, rows, bold);
  note(
    doc,
    'Selesai: tiket ditutup dengan jam SLA berhenti pada periode itu; kepatuhan = (tepat target + dalam batas) / selesai. Perubahan tidak memiliki jam layanan menyeluruh: ketepatan waktunya dinilai dari persetujuan (bagian 5).',
  );
  heading(doc, '3a. Kepatuhan SLA tiket selesai per layanan (dasbor kepatuhan)');
  const c = d.compliance;
  if (!c.rows.length) return none(doc, 'Tidak ada tiket yang selesai pada periode ini.');
  const ccols: Column[] = [
    { title: t.service, width: width - 440 },
    { title: t.tickets, width: 60, align: 'right' },
    { title: t.met, width: 80, align: 'right' },
    { title: t.metLate, width: 80, align: 'right' },
    { title: t.breached, width: 80, align: 'right' },
    { title: t.withinLimit, width: 70, align: 'right' },
    { title: t.average, width: 70, align: 'right' },
  ];
  const line = (label: string, r: (typeof c.rows)[number]) => [
    label,
    String(r.total),
    String(r.met),
    String(r.metLate),
    String(r.breached),
    percent(r.withinLimitShare),
    r.averageMinutes === null ? '-' : t.minutes(r.averageMinutes),
  ];
  table(doc, ccols, [
    ...c.rows.map((r) => line(r.label, r)),
    ...c.trend.filter((r) => r.total).map((r) => line(periodLabel(r.key), r)),
  ]);
}

function kindLine(
  kind: keyof typeof KIND_LABELS,
  period: string,
  r: EvidencePackData['kinds']['rows'][number],
) {
  return [
    KIND_LABELS[kind],
    periodLabel(period),
    String(r.received),
    String(r.finished),
    String(r.met),
    String(r.metLate),
    String(r.breached),
    percent(r.withinLimitShare),
    String(r.open),
  ];
}

function incidentSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '4. Gangguan (insiden) per prioritas dan layanan TI');
  const { byPriority, byService, total } = d.incidents;
  if (!total.total) return none(doc, t.noIncidents);
  const cols: Column[] = [
    { title: t.incidentGroup, width: width - 530 },
    { title: t.incidentCount, width: 60, align: 'right' },
    { title: t.response, width: 120, align: 'right' },
    { title: t.resolution, width: 130, align: 'right' },
    { title: t.breached, width: 100, align: 'right' },
    { title: t.mttr, width: 120, align: 'right' },
  ];
  const line = (label: string, r: IncidentFigureRow) => [
    label,
    String(r.total),
    `${percent(r.responseShare)} (${r.responseMet + r.responseMetLate}/${r.responseTotal})`,
    `${percent(r.resolutionShare)} (${r.resolutionMet + r.resolutionMetLate}/${r.total})`,
    String(r.resolutionBreached),
    r.meanRestoreMinutes === null ? '-' : t.minutes(r.meanRestoreMinutes),
  ];
  const rows = [
    ...byPriority.filter((r) => r.total).map((r) => line(r.label, r)),
    ...byService.map((r) =>
      line(`${r.label}${r.supportHours ? ` (${t.hours[r.supportHours]})` : ''}`, r),
    ),
    line(t.allIncidents, total),
  ];
  table(doc, cols, rows, new Set([rows.length - 1]));
}

function changeSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '5. Perubahan per tingkat risiko dan periode');
  const { byRisk, byPeriod, total } = d.changes;
  if (!total.total) return none(doc, t.noChanges);
  const rows = [
    ...byRisk.filter((r) => r.total).map((r) => changeLine(t.risks[r.key], r)),
    ...byPeriod.filter((r) => r.total).map((r) => changeLine(periodLabel(r.key), r)),
    changeLine(t.allChanges, total),
  ];
  table(doc, changeColumns(t, 'Kelompok', width), rows, new Set([rows.length - 1]));
  note(
    doc,
    'Selesai: dilaksanakan (dengan hasil) atau ditolak pada periode itu. Berhasil = berhasil / dilaksanakan. Gangguan akibat perubahan: jumlah gangguan yang dikaitkan (jumlah perubahan yang menimbulkannya).',
  );
}

function ikmSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '6. Indeks Kepuasan Masyarakat (IKM)');
  const { rows, totals } = d.ikm;
  if (!totals.some((x) => x.respondents))
    return none(doc, 'Belum ada kuesioner kepuasan yang diisi pada periode ini.');
  const cols: Column[] = [
    { title: 'Periode', width: 120 },
    { title: t.service, width: width - 420 },
    { title: t.respondents, width: 80, align: 'right' },
    { title: 'IKM', width: 80, align: 'right' },
    { title: 'Mutu', width: 140 },
  ];
  const grade = (g: string | null) => {
    const found = IKM_GRADES.find((x) => x.grade === g);
    return g ? `${g}${found ? ` (${found.name.id})` : ''}` : '-';
  };
  const line = (
    period: string,
    service: string,
    x: { respondents: number; converted: number | null; grade: string | null },
  ) => [
    periodLabel(period),
    service,
    String(x.respondents),
    x.converted === null ? '-' : ikmShownText(x.converted),
    grade(x.grade),
  ];
  const lines = [
    ...rows.filter((x) => x.respondents).map((x) => line(x.period, x.serviceName, x)),
    ...totals.filter((x) => x.respondents).map((x) => line(x.period, t.allServices, x)),
  ];
  table(doc, cols, lines);
}

function complaintSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '7. Penanganan pengaduan');
  const cols: Column[] = [
    { title: 'Periode', width: width - 500 },
    { title: 'Diterima', width: 80, align: 'right' },
    { title: 'Selesai', width: 80, align: 'right' },
    { title: 'Dijawab dalam batas waktu', width: 110, align: 'right' },
    { title: 'Melewati batas waktu', width: 90, align: 'right' },
    { title: 'Masih terbuka', width: 140, align: 'right' },
  ];
  const total = d.kinds.totals.find((r) => r.kind === 'complaint');
  if (!total?.received && !total?.finished)
    return none(doc, 'Tidak ada pengaduan yang diterima atau diselesaikan pada periode ini.');
  const line = (r: NonNullable<typeof total>) => [
    periodLabel(r.period),
    String(r.received),
    String(r.finished),
    `${r.met + r.metLate} (${percent(r.withinLimitShare)})`,
    String(r.breached),
    String(r.open),
  ];
  const rows = [
    ...d.kinds.rows.filter((r) => r.kind === 'complaint' && (r.received || r.finished)).map(line),
    line(total),
  ];
  table(doc, cols, rows, new Set([rows.length - 1]));
  note(
    doc,
    'Pengaduan, saran dan masukan dijawab dalam batas waktu tingkatnya (hari kerja). Rincian per pengaduan ada di Sigap.',
  );
}

function reviewSection(doc: Doc, d: EvidencePackData, width: number) {
  heading(doc, '8. Tinjauan berkala dan tindakan perbaikan');
  const { reviews, actions, counts, overdue } = d.reviews;
  if (!reviews.length)
    none(doc, 'Tidak ada rapat tinjauan layanan yang tercatat pada periode ini.');
  else
    table(
      doc,
      [
        { title: 'Tanggal', width: 70 },
        { title: 'Tinjauan', width: 170 },
        { title: 'Periode ditinjau', width: 100 },
        { title: 'Peserta', width: 60, align: 'right' },
        { title: 'Keputusan', width: width - 480 },
        { title: 'Tindakan', width: 80, align: 'right' },
      ],
      reviews.map((r) => [
        r.heldOn,
        r.title,
        `${periodLabel(r.periodFrom)} – ${periodLabel(r.periodTo)}`,
        String(r.attendees.length),
        r.decisions.map((x, i) => `${i + 1}. ${x}`).join('\n') || '-',
        String(r.actionCount),
      ]),
    );
  note(
    doc,
    `Tindakan perbaikan kantor: ${actions.length} (belum dimulai ${counts.open}, sedang berjalan ${counts['in-progress']}, selesai ${counts.done}, dibatalkan ${counts.cancelled}); melewati jatuh tempo ${overdue} per ${d.reviews.today}.`,
  );
  if (!actions.length) return;
  table(
    doc,
    [
      { title: 'Tindakan perbaikan', width: width - 460 },
      { title: 'Pemilik', width: 140 },
      { title: 'Jatuh tempo', width: 80 },
      { title: 'Status', width: 100 },
      { title: 'Selesai', width: 80 },
      { title: 'Terlambat', width: 60 },
    ],
    actions.map((a) => [
      a.reviewTitle ? `${a.title}\n(${a.reviewTitle})` : a.title,
      a.ownerName,
      a.dueOn,
      ACTION_STATUS_LABELS[a.status],
      a.doneOn ?? '-',
      a.overdue ? 'ya' : '-',
    ]),
  );
}

/** Renders the SPBE evidence pack; `compress: false` keeps the text readable (tests). */
export function renderEvidencePackPdf(
  d: EvidencePackData,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const range = `${periodLabel(d.from)} – ${periodLabel(d.to)}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `Bukti Dukung Evaluasi SPBE - ${d.office.name} - ${range}`,
      Author: d.office.name,
      Creator: 'Sigap',
    },
  });
  useReportFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font(BOLD).fontSize(14).text('BUKTI DUKUNG EVALUASI SPBE', { align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text('Indikator Penerapan Manajemen Layanan SPBE', { align: 'center' });
  doc.font(BOLD).fontSize(12).text(d.office.name.toUpperCase(), { align: 'center' });
  doc.font(REGULAR).fontSize(10).text(`Periode: ${range}`, { align: 'center' });
  doc.moveDown(0.6);
  doc
    .fontSize(8)
    .fillColor('#444')
    .text(
      `${t.office}: ${d.office.code}   ·   ${t.printed}: ${dateText(d.generatedAt, d.office.timeZone, t)}` +
        (d.dataAsOf
          ? `   ·   ${t.dataAsOf} ${dateText(new Date(d.dataAsOf), d.office.timeZone, t)}`
          : '') +
        '   ·   Angka sama dengan dasbor Sigap untuk kantor dan periode yang sama.',
    );
  doc.fillColor('black').moveDown(0.8);

  catalogSection(doc, d, width);
  channelSection(doc, d, width);
  kindSection(doc, d, width);
  incidentSection(doc, d, width);
  changeSection(doc, d, width);
  ikmSection(doc, d, width);
  complaintSection(doc, d, width);
  reviewSection(doc, d, width);

  // Signature block: place and date, the office head, room to sign, name and NIP.
  if (doc.y + 140 > doc.page.height - MARGIN - FOOTER) doc.addPage();
  const x = MARGIN + width - 240;
  doc.moveDown(1.5);
  doc.font(REGULAR).fontSize(10);
  doc.text(
    `................................, ${dateText(d.generatedAt, d.office.timeZone, t)}`,
    x,
    doc.y,
    { width: 240 },
  );
  doc.text(t.head(d.office.name), x, doc.y, { width: 240 });
  doc.moveDown(4);
  if (d.office.headName)
    doc.font(BOLD).text(d.office.headName, x, doc.y, { width: 240, underline: true });
  else
    doc.text(`${t.name}: ..............................................`, x, doc.y, { width: 240 });
  doc.font(REGULAR);
  doc.text(
    `${t.nip}: ${d.office.headNip ?? '...............................................'}`,
    x,
    doc.y,
    {
      width: 240,
    },
  );

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor('#444')
      .text(
        `Bukti dukung SPBE · ${d.office.name} · ${range} · ${t.page(i + 1, pages.count)}`,
        MARGIN,
        doc.page.height - MARGIN - 10,
        { width, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
