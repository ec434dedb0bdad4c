import type { IncidentFigureRow } from '@sigap/contracts';
import { foldChanges } from '@sigap/api-dashboards';
import { evaluationTexts } from './evaluation-texts';
import { renderEvaluationPdf } from './evaluation-pdf';
import { pdfTextLines } from './pdf-text';
import type { EvaluationData, ServiceFigures } from './reports.service';

function service(i: number): ServiceFigures {
  const total = 10 + i;
  return {
    key: `layanan-${i}`,
    label: `Layanan Nomor ${i}`,
    total,
    met: total - 3,
    metLate: 2,
    breached: 1,
    withinLimitShare: (total - 1) / total,
    metShare: (total - 3) / total,
    averageMinutes: 60 * i + 5,
    p90Minutes: 120 * i,
    complaints: i % 3,
    ikm: i % 2 ? { respondents: i, converted: 80 + i / 10, grade: 'B' } : null,
  };
}

function incidentRow(key: string, label: string, total: number): IncidentFigureRow {
  return {
    key,
    label,
    supportHours: null,
    total,
    responseTotal: total,
    responseMet: total,
    responseMetLate: 0,
    responseBreached: 0,
    responseShare: total ? 1 : null,
    resolutionMet: 0,
    resolutionMetLate: 0,
    resolutionBreached: total,
    resolutionShare: total ? 0 : null,
    meanRestoreMinutes: total ? 90 : null,
  };
}

function data(lang: 'id' | 'en', services: number, breaches: number): EvaluationData {
  const list = Array.from({ length: services }, (_, i) => service(i + 1));
  return {
    office: {
      code: 'bali',
      name: 'Diskominfos Provinsi Bali',
      timeZone: 'Asia/Makassar',
      headName: null,
      headNip: null,
    },
    period: 'month',
    label: '2026-10',
    from: '2026-10',
    to: '2026-10',
    lang,
    generatedAt: new Date('2026-11-02T03:00:00Z'),
    dataAsOf: '2026-11-02T02:59:00Z',
    services: list,
    total: { ...service(0), label: '', key: '', total: 99 },
    complaintsWithoutService: 2,
    derived: [],
    breaches: Array.from({ length: breaches }, (_, i) => ({
      number: `BALI-2026-${String(i + 1).padStart(6, '0')}`,
      service: 'Pengembangan Aplikasi',
      subject: 'Permohonan',
      ticketBreached: i % 2 === 0,
      elapsedMinutes: 900 + i,
      targetMinutes: 600,
      lateSteps: ['3. Kepala Bidang Aplikasi Informatika'],
      reason: i % 3 ? `Berkas menunggu tanda tangan ${i}` : null,
    })),
    breachesNotListed: 0,
    incidents: {
      byPriority: (['P1', 'P2', 'P3', 'P4'] as const).map((p) => ({
        ...incidentRow(p, p, 0),
        key: p,
      })),
      byService: [],
      total: incidentRow('all', 'all', 0),
    },
    changes: foldChanges([], { from: 202610, to: 202610, period: 'month' }),
  };
}

describe('evaluation report PDF', () => {
  it('prints the IKM truncated to two decimals, next to the grade of that value', async () => {
    const d = data('id', 2, 0);
    d.services[0].ikm = { respondents: 40, converted: 88.309, grade: 'B' };
    d.services[1].ikm = { respondents: 12, converted: 76.6099, grade: 'C' };
    const text = pdfTextLines(await renderEvaluationPdf(d, { compress: false })).join('\n');
    expect(text).toContain('88.30 (B Baik)');
    expect(text).not.toContain('88.31');
    expect(text).toContain('76.60 (C Kurang baik)');
    expect(text).not.toContain('76.61');
  });

  it('prints the title, office, period, every service row and the signature block', async () => {
    const lines = pdfTextLines(await renderEvaluationPdf(data('id', 3, 0), { compress: false }));
    expect(lines).toContain('LAPORAN EVALUASI KINERJA PELAYANAN');
    expect(lines).toContain('DISKOMINFOS PROVINSI BALI');
    expect(lines.join('\n')).toContain('Periode: Oktober 2026 (Bulanan)');
    for (const name of ['Layanan Nomor 1', 'Layanan Nomor 2', 'Layanan Nomor 3'])
      expect(lines).toContain(name);
    expect(lines).toContain('Semua layanan');
    expect(lines).toContain('Pengaduan tanpa layanan: 2');
    expect(lines.join('\n')).toContain('Tidak ada tiket atau langkah yang melewati batas waktu');
    expect(lines).toContain('Kepala Dinas Diskominfos Provinsi Bali');
    // No signer set: lines to fill in by hand.
    expect(lines.some((l) => l.startsWith('NIP: ...'))).toBeTrue();
    expect(lines.some((l) => /^Nama: \.{10}/.test(l))).toBeTrue();
    expect(lines.some((l) => /, 2 November 2026$/.test(l))).toBeTrue();
    expect(lines).toContain('Diskominfos Provinsi Bali · Oktober 2026 · Halaman 1 dari 1');
  });

  it('prints the incidents by priority and IT service, or says there were none', async () => {
    const none = pdfTextLines(await renderEvaluationPdf(data('id', 1, 0), { compress: false }));
    expect(none).toContain('Gangguan (insiden) per prioritas dan per layanan TI');
    expect(none.join(' ')).toContain('Tidak ada gangguan yang selesai pada periode ini.');
    const d = data('id', 1, 0);
    d.incidents.byPriority[0] = { ...incidentRow('P1', 'P1 Kritis', 2), key: 'P1' };
    d.incidents.byService = [
      { ...incidentRow('pusat-data', 'Pusat Data', 2), supportHours: '24x7' },
    ];
    d.incidents.total = incidentRow('all', 'all', 2);
    const lines = pdfTextLines(await renderEvaluationPdf(d, { compress: false }));
    expect(lines).toContain('P1 Kritis');
    expect(lines).toContain('Pusat Data (24x7)');
    expect(lines).toContain('Semua gangguan');
    expect(lines).toContain('100.0% (2/2)');
    expect(lines).toContain('0.0% (0/2)');
    expect(lines).toContain('1 j 30 mnt');
  });

  it('prints the changes by risk, or says there were none', async () => {
    const none = pdfTextLines(await renderEvaluationPdf(data('id', 1, 0), { compress: false }));
    expect(none).toContain('Perubahan (menurut tingkat risiko)');
    expect(none.join(' ')).toContain('Tidak ada perubahan yang selesai pada periode ini.');
    const d = data('id', 1, 0);
    const change = (risk: 'rendah' | 'tinggi', result: 'success' | 'rolled-back' | null) => ({
      risk,
      result,
      month: 202610,
      incidents: result === 'rolled-back' ? ['i-1'] : [],
      approvals: 1,
      approvalsOnTime: risk === 'rendah' ? 1 : 0,
    });
    d.changes = foldChanges(
      [change('rendah', 'success'), change('tinggi', 'rolled-back'), change('tinggi', null)],
      { from: 202610, to: 202610, period: 'month' },
    );
    const lines = pdfTextLines(await renderEvaluationPdf(d, { compress: false }));
    expect(lines).toContain('Risiko rendah');
    expect(lines).not.toContain('Risiko sedang');
    expect(lines).toContain('Semua perubahan');
    // All three: two implemented, one of them successful; one rolled back; one rejected.
    const at = lines.lastIndexOf('Semua perubahan');
    expect(lines.slice(at + 1, at + 8)).toEqual([
      '3',
      '2',
      '50.0% (1/2)',
      '0 / 1',
      '1',
      '1 (1)',
      '33.3% (1/3)',
    ]);
  });

  it('marks the components a service derives from its steps as "dihitung dari langkah"', async () => {
    const d = data('id', 1, 0);
    d.derived = [{ label: 'Layanan Nomor 1', fields: ['serviceTime', 'cost'] }];
    const text = pdfTextLines(await renderEvaluationPdf(d, { compress: false })).join(' ');
    expect(text).toContain('Layanan Nomor 1: waktu layanan, biaya dihitung dari langkah');
    const plain = pdfTextLines(await renderEvaluationPdf(data('id', 1, 0), { compress: false }));
    expect(plain.join(' ')).not.toContain('dihitung dari langkah');
  });

  it('names an office called "Dinas …" once in the signer\'s title', async () => {
    const d = data('id', 1, 0);
    d.office = { ...d.office, name: 'Dinas Komunikasi dan Informatika' };
    const lines = pdfTextLines(await renderEvaluationPdf(d, { compress: false }));
    expect(lines).toContain('Kepala Dinas Komunikasi dan Informatika');
    expect(lines.join('\n')).not.toContain('Dinas Dinas');
  });

  it('breaks long tables across pages, repeats the header and numbers every page', async () => {
    const pdf = await renderEvaluationPdf(data('id', 40, 80), { compress: false });
    const lines = pdfTextLines(pdf);
    const footers = lines.filter((l) => /Halaman \d+ dari \d+$/.test(l));
    const pages = footers.length;
    expect(pages).toBeGreaterThan(2);
    footers.forEach((f, i) => expect(f).toContain(`Halaman ${i + 1} dari ${pages}`));
    // Service table header once per page it spans, breach header likewise: more than one each.
    expect(lines.filter((l) => l === 'Layanan').length).toBeGreaterThan(2);
    expect(lines.filter((l) => l === 'Langkah terlambat (jabatan)').length).toBeGreaterThan(1);
    for (let i = 1; i <= 80; i++)
      expect(lines).toContain(`BALI-2026-${String(i).padStart(6, '0')}`);
    expect(lines).toContain('Berkas menunggu tanda tangan 79');
  });

  it('prints text outside Latin-1 with an embedded Unicode font, and the signer', async () => {
    const d = data('id', 1, 1);
    d.office = {
      ...d.office,
      headName: 'Dr. I Gusti Ngurah Rāka Wiśnu',
      headNip: '197001012000031001',
    };
    d.services[0] = { ...d.services[0], label: 'Data “Ōtsuka” ≤ 2 hari' };
    d.breaches[0] = { ...d.breaches[0], reason: 'Menunggu ‘paraf’ Kabid — Łukasz' };
    const pdf = await renderEvaluationPdf(d, { compress: false });
    // The font travels inside the file (a subset), not the built-in Helvetica.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf.toString('latin1')).not.toContain('/BaseFont /Helvetica');
    const lines = pdfTextLines(pdf);
    expect(lines).toContain('Data “Ōtsuka” ≤ 2 hari');
    expect(lines).toContain('Menunggu ‘paraf’ Kabid — Łukasz');
    expect(lines).toContain('Dr. I Gusti Ngurah Rāka Wiśnu');
    expect(lines).toContain('NIP: 197001012000031001');
    expect(lines.join('\n')).not.toContain('\uFFFD');
    expect(lines.some((l) => l.startsWith('Nama: ...'))).toBeFalse();
  });

  it('writes English with lang=en and compresses by default', async () => {
    const pdf = await renderEvaluationPdf(data('en', 2, 1));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfTextLines(pdf);
    expect(lines).toContain('SERVICE PERFORMANCE EVALUATION REPORT');
    expect(lines.join('\n')).toContain('Period: October 2026 (Monthly)');
    expect(lines).toContain('Head of Office Diskominfos Provinsi Bali');
    const text = lines.join(' ');
    expect(text).toContain(evaluationTexts('en').wholeTicket);
    expect(text).toContain('15 h / 10 h');
  });
});
