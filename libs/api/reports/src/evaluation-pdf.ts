import PDFDocument from 'pdfkit';
import type { ChangeFigureRow, IncidentFigureRow } from '@sigap/contracts';
import { IKM_GRADES, ikmShownText } from '@sigap/standards';
import { evaluationTexts, type EvaluationTexts } from './evaluation-texts';
import { BOLD, REGULAR, useReportFonts } from './pdf-fonts';
import { heading, MARGIN, FOOTER, table, type Column, type Doc } from './pdf-layout';
import type { EvaluationData, ServiceFigures } from './reports.service';

/** `2026-10` -> "Oktober 2026"; `2026` -> "2026". */
export function periodText(data: Pick<EvaluationData, 'label' | 'period'>, t: EvaluationTexts) {
  if (data.period === 'year') return data.label;
  return `${t.months[Number(data.label.slice(5, 7)) - 1]} ${data.label.slice(0, 4)}`;
}

/** "24 November 2026" in the office's zone. */
export function dateText(at: Date, timeZone: string, t: EvaluationTexts): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('day')} ${t.months[part('month') - 1]} ${part('year')}`;
}

export const percent = (share: number | null) =>
  share === null ? '-' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

function ikmText(s: ServiceFigures, data: EvaluationData): string {
  if (!s.ikm || s.ikm.converted === null) return '-';
  const grade = IKM_GRADES.find((g) => g.grade === s.ikm?.grade);
  const name = grade ? ` ${grade.name[data.lang]}` : '';
  return `${ikmShownText(s.ikm.converted)} (${s.ikm.grade ?? '-'}${name})`;
}

function serviceRow(s: ServiceFigures, label: string, data: EvaluationData, t: EvaluationTexts) {
  return [
    label,
    String(s.total),
    String(s.met),
    String(s.metLate),
    String(s.breached),
    percent(s.withinLimitShare),
    s.averageMinutes === null ? '-' : t.minutes(s.averageMinutes),
    s.p90Minutes === null ? '-' : t.minutes(s.p90Minutes),
    ikmText(s, data),
    String(s.ikm?.respondents ?? 0),
    String(s.complaints),
  ];
}

const pct = (share: number | null) =>
  share === null ? '-' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** Incidents by priority and by IT service: counts, response and resolution compliance, MTTR. */
function incidentSection(doc: Doc, data: EvaluationData, t: EvaluationTexts, width: number) {
  heading(doc, t.incidents);
  const { byPriority, byService, total } = data.incidents;
  if (!total.total) {
    doc.font(REGULAR).fontSize(9).text(t.noIncidents).moveDown(0.8);
    return;
  }
  const cols: Column[] = [
    { title: t.incidentGroup, width: 230 },
    { title: t.incidentCount, width: 60, align: 'right' },
    { title: t.response, width: 100, align: 'right' },
    { title: t.resolution, width: 110, align: 'right' },
    { title: t.breached, width: 80, align: 'right' },
    { title: t.mttr, width: width - 580, align: 'right' },
  ];
  const line = (label: string, r: IncidentFigureRow) => [
    label,
    String(r.total),
    `${pct(r.responseShare)} (${r.responseMet + r.responseMetLate}/${r.responseTotal})`,
    `${pct(r.resolutionShare)} (${r.resolutionMet + r.resolutionMetLate}/${r.total})`,
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

/** One row of the change table: finished, implemented, success rate, failures, incidents. */
export function changeLine(label: string, r: ChangeFigureRow): string[] {
  return [
    label,
    String(r.total),
    String(r.implemented),
    `${pct(r.successRate)} (${r.success}/${r.implemented})`,
    `${r.failed} / ${r.rolledBack}`,
    String(r.rejected),
    `${r.incidentsCaused} (${r.changesWithIncidents})`,
    `${pct(r.approvalsOnTimeShare)} (${r.approvalsOnTime}/${r.approvals})`,
  ];
}

/** Column heads of the change table, the first one given. */
export function changeColumns(t: EvaluationTexts, first: string, width: number): Column[] {
  return [
    { title: first, width: width - 590 },
    { title: t.changeCount, width: 55, align: 'right' },
    { title: t.implemented, width: 70, align: 'right' },
    { title: t.successRate, width: 90, align: 'right' },
    { title: t.failedRolledBack, width: 85, align: 'right' },
    { title: t.rejected, width: 55, align: 'right' },
    { title: t.incidentsCaused, width: 110, align: 'right' },
    { title: t.approvalsOnTime, width: 125, align: 'right' },
  ];
}

/** Changes by risk: outcomes, success rate, the incidents they caused, approvals on time. */
function changeSection(doc: Doc, data: EvaluationData, t: EvaluationTexts, width: number) {
  heading(doc, t.changes);
  const { byRisk, total } = data.changes;
  if (!total.total) {
    doc.font(REGULAR).fontSize(9).text(t.noChanges).moveDown(0.8);
    return;
  }
  const rows = [
    ...byRisk.filter((r) => r.total).map((r) => changeLine(t.risks[r.key], r)),
    changeLine(t.allChanges, total),
  ];
  table(doc, changeColumns(t, t.changeGroup, width), rows, new Set([rows.length - 1]));
}

/** Renders the evaluation report; `compress: false` keeps the text readable (tests). */
export function renderEvaluationPdf(
  data: EvaluationData,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const t = evaluationTexts(data.lang);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `${t.title} - ${data.office.name} - ${periodText(data, t)}`,
      Author: data.office.name,
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

  doc.font(BOLD).fontSize(14).text(t.title, { align: 'center' });
  doc.font(BOLD).fontSize(12).text(data.office.name.toUpperCase(), { align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(
      `${t.period}: ${periodText(data, t)} (${data.period === 'year' ? t.yearly : t.monthly})`,
      { align: 'center' },
    );
  doc.moveDown(0.6);
  doc
    .fontSize(8)
    .fillColor('#444')
    .text(
      `${t.office}: ${data.office.code}   ·   ${t.printed}: ${dateText(data.generatedAt, data.office.timeZone, t)}` +
        (data.dataAsOf
          ? `   ·   ${t.dataAsOf} ${dateText(new Date(data.dataAsOf), data.office.timeZone, t)}`
          : ''),
    );
  doc.fillColor('black').moveDown(0.8);

  const cols: Column[] = [
    { title: t.service, width: 150 },
    { title: t.tickets, width: 45, align: 'right' },
    { title: t.met, width: 50, align: 'right' },
    { title: t.metLate, width: 50, align: 'right' },
    { title: t.breached, width: 55, align: 'right' },
    { title: t.withinLimit, width: 60, align: 'right' },
    { title: t.average, width: 65, align: 'right' },
    { title: t.p90, width: 65, align: 'right' },
    { title: t.ikm, width: 100, align: 'right' },
    { title: t.respondents, width: 65, align: 'right' },
    { title: t.complaints, width: width - 705, align: 'right' },
  ];
  heading(doc, t.perService);
  const rows = data.services.map((s) => serviceRow(s, s.label, data, t));
  rows.push(serviceRow(data.total, t.allServices, data, t));
  table(doc, cols, rows, new Set([rows.length - 1]));
  if (data.complaintsWithoutService)
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(`${t.complaintsWithoutService}: ${data.complaintsWithoutService}`)
      .moveDown(0.6);
  for (const d of data.derived)
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(`${d.label}: ${d.fields.map((f) => t.derivedFields[f]).join(', ')} ${t.derived}`)
      .moveDown(0.3);

  incidentSection(doc, data, t, width);
  changeSection(doc, data, t, width);

  heading(doc, t.breaches);
  if (!data.breaches.length) doc.font(REGULAR).fontSize(9).text(t.noBreaches).moveDown(0.8);
  else {
    const breachCols: Column[] = [
      { title: t.ticket, width: 95 },
      { title: t.service, width: 150 },
      { title: t.breached, width: 130 },
      { title: t.lateSteps, width: 170 },
      { title: t.reason, width: width - 545 },
    ];
    table(
      doc,
      breachCols,
      data.breaches.map((b) => [
        b.number,
        b.service,
        b.ticketBreached
          ? `${t.wholeTicket} (${t.workingTime} ${t.minutes(b.elapsedMinutes ?? 0)} / ${t.minutes(b.targetMinutes ?? 0)})`
          : '-',
        b.lateSteps.join('\n') || '-',
        b.reason ?? t.noReason,
      ]),
    );
    if (data.breachesNotListed)
      doc.font(REGULAR).fontSize(8).text(t.notListed(data.breachesNotListed)).moveDown(0.6);
  }

  doc.font(REGULAR).fontSize(7).fillColor('#444');
  for (const note of t.notes) doc.text(note);
  doc.fillColor('black');

  // Signature block: place and date, the office head's title, room to sign, name and NIP.
  if (doc.y + 140 > doc.page.height - MARGIN - FOOTER) doc.addPage();
  const x = MARGIN + width - 240;
  doc.moveDown(1.5);
  const top = doc.y;
  doc.font(REGULAR).fontSize(10);
  doc.text(
    `................................, ${dateText(data.generatedAt, data.office.timeZone, t)}`,
    x,
    top,
    {
      width: 240,
    },
  );
  doc.text(t.head(data.office.name), x, doc.y, { width: 240 });
  // Room to sign, then the name (bold, underlined) and NIP; unset ones are lines to fill in.
  doc.moveDown(4);
  const { headName, headNip } = data.office;
  if (headName) doc.font(BOLD).text(headName, x, doc.y, { width: 240, underline: true });
  else
    doc.text(`${t.name}: ..............................................`, x, doc.y, { width: 240 });
  doc.font(REGULAR);
  doc.text(`${t.nip}: ${headNip ?? '...............................................'}`, x, doc.y, {
    width: 240,
  });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor('#444')
      .text(
        `${data.office.name} · ${periodText(data, t)} · ${t.page(i + 1, range.count)}`,
        MARGIN,
        doc.page.height - MARGIN - 10,
        { width, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
