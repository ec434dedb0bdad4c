import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDuration } from '../duration/duration';
import { DERIVED_LABEL } from '../model';
import { deriveFromSteps, rederive, rupiahOf, sumOfStepCosts, sumOfStepTimes } from './derive';
import { importStandard } from './import';

/**
 * Values a standard does not publish, computed from its steps: the total time (also when the
 * steps write their times in different units) and the cost. Fixtures are invented services in
 * the SOP shapes offices publish, with a cost column in the mutu baku.
 */
const shape = (name: string) => readFileSync(join(__dirname, 'fixtures', 'shapes', name), 'utf8');

const ok = (times: (string | null)[], day?: number) => {
  const sum = sumOfStepTimes(times, day);
  if (!sum?.ok) throw new Error(`expected a sum, got ${JSON.stringify(sum)}`);
  return sum;
};

describe('sumOfStepTimes', () => {
  it('adds times of one unit and basis as they are', () => {
    expect(ok(['7 Hari', null, '7 Hari', '1 s.d 2 hari']).text).toBe('15 s.d. 16 hari kerja');
    expect(ok(['1 Jam', '2 Jam']).text).toBe('3 jam');
    expect(ok(['1 Jam', '2 Jam']).note).toBeNull();
    expect(sumOfStepTimes([null, null])).toBeNull();
  });

  it('adds working time in mixed units with the working day of the office', () => {
    // 15 + 30 + 60 menit + 2 hari kerja x 450 menit + 15 menit = 1020 menit = 17 jam.
    const civil = ok(['15 menit', '30 menit', '1 jam', '2 hari kerja', '15 menit']);
    expect(civil.text).toBe('17 jam');
    expect(civil.duration).toEqual({
      min: 17,
      max: 17,
      unit: 'hour',
      basis: 'working',
      startsWhen: null,
    });
    expect(civil.note).toBe(
      'waktu kerja dalam satuan berbeda ("15 menit", "30 menit", "1 jam", "2 hari kerja", "15 menit") dijumlahkan dengan 1 hari kerja = 7,5 jam kerja kantor: 17 jam (2 hari kerja 2 jam)',
    );
    // An office with 8-hour days: 2 x 480 + 120 = 1080 menit = 18 jam.
    expect(ok(['15 menit', '30 menit', '1 jam', '2 hari kerja', '15 menit'], 480).text).toBe(
      '18 jam',
    );
    // Whole days: 4 jam + 30 menit + 3 jam 30 menit = 480 menit, one 8-hour day.
    expect(ok(['4 jam', '30 menit', '3 jam 30 menit'], 480).text).toBe('1 hari kerja');
    expect(ok(['4 jam', '30 menit', '3 jam 30 menit']).text).toBe('8 jam');
    // Ranges add bound by bound: (60..120) + 60 + 4 x 3150 menit = 12720..12780 = 212..213 jam.
    const bali = ok([null, '1- 2 Jam', '1 Jam', '7 Hari', '7 Hari', '7 Hari', '7 Hari']);
    expect(bali.text).toBe('212 s.d. 213 jam');
    expect(bali.note).toContain('(28 hari kerja 2 jam s.d. 28 hari kerja 3 jam)');
    // Half hours are written as such; anything finer in minutes.
    expect(ok(['2 hari kerja', '2 jam', '30 menit']).text).toBe('17,5 jam');
    expect(ok(['1 hari kerja', '20 menit']).text).toBe('470 menit');
    // "2x24 jam" is two working days: 900 + 180 = 1080 menit.
    expect(ok(['2x24 jam', '3 jam']).text).toBe('18 jam');
    // Hours that are a multiple of 24 stay hours, written "kerja" so they do not read as days.
    expect(ok(['2 hari kerja', '9 jam'], 450).text).toBe('24 jam kerja');
    // Working weeks are five working days.
    expect(ok(['1 minggu kerja', '2 hari kerja']).text).toBe('7 hari kerja');
  });

  it('adds calendar time in calendar days', () => {
    const sum = ok(['2 minggu', '3 hari kalender']);
    expect(sum.text).toBe('17 hari kalender');
    expect(sum.note).toContain('waktu kalender dalam satuan berbeda');
  });

  it('every sum it writes reads back as the same duration', () => {
    const sums = [
      ['15 menit', '30 menit', '1 jam', '2 hari kerja', '15 menit'],
      [null, '1- 2 Jam', '1 Jam', '7 Hari', '7 Hari', '7 Hari', '7 Hari'],
      ['2 hari kerja', '2 jam', '30 menit'],
      ['1 hari kerja', '20 menit'],
      ['2 hari kerja', '9 jam'],
      ['2 minggu', '3 hari kalender'],
      ['1 minggu kerja', '2 hari kerja'],
    ].map((times) => ok(times));
    for (const sum of sums) {
      const back = readDuration(sum.text);
      expect(back.ok && back.value)
        .withContext(sum.text)
        .toEqual(sum.duration);
    }
  });

  it('gives no sum, with the reason, where the sum is truly ambiguous', () => {
    expect(sumOfStepTimes(['2 hari kerja', '14 hari kalender'])).toEqual({
      ok: false,
      reason:
        'waktu kerja ("2 hari kerja") dan waktu kalender ("14 hari kalender") tidak dapat dijumlahkan: berapa hari kerja yang dilewati hari kalender bergantung pada tanggal mulai',
    });
    const month = sumOfStepTimes(['1 bulan', '3 hari kalender']);
    expect(month?.ok).toBeFalse();
    expect(!month?.ok && month?.reason).toContain('panjang bulan berbeda-beda');
    expect(sumOfStepTimes(['1 jam', 'secepatnya'])).toEqual({
      ok: false,
      reason: 'waktu langkah "secepatnya" tidak terbaca',
    });
  });
});

describe('sumOfStepCosts', () => {
  const steps = (...costs: (string | null | undefined)[]) =>
    costs.map((cost, i) => ({ order: i + 1, cost }));

  it('reads rupiah amounts and free costs', () => {
    expect(rupiahOf('Rp 0')).toBe(0);
    expect(rupiahOf('Rp 0,-')).toBe(0);
    expect(rupiahOf('Gratis')).toBe(0);
    expect(rupiahOf('Tidak dipungut biaya')).toBe(0);
    expect(rupiahOf('Rp 150.000')).toBe(150000);
    expect(rupiahOf('Rp. 50.000,-')).toBe(50000);
    expect(rupiahOf('Rp1.250.000,00')).toBe(1250000);
    expect(rupiahOf('75.000 rupiah')).toBe(75000);
    expect(rupiahOf('sesuai Perda')).toBeNull();
    expect(rupiahOf('Gratis, cetak ulang Rp 5.000')).toBeNull();
  });

  it('is free when every step is free, and the sum when every step gives an amount', () => {
    expect(sumOfStepCosts(steps('Rp 0', 'Gratis', 'tidak dipungut biaya'))).toEqual({
      ok: true,
      cost: { text: 'Gratis (Rp 0)', free: true },
      note: 'setiap langkah tidak dipungut biaya',
    });
    const paid = sumOfStepCosts(steps('Rp 0', 'Rp 150.000', 'Rp. 50.000,-'));
    expect(paid?.ok && paid.cost).toEqual({ text: 'Rp 200.000', free: false });
  });

  it('gives no total when a step gives no cost or one that cannot be read', () => {
    expect(sumOfStepCosts(steps(null, undefined))).toBeNull();
    expect(sumOfStepCosts(steps('Gratis', null, 'Rp 0', ''))).toEqual({
      ok: false,
      reason: 'langkah 2, 4 tidak menyebut biaya, jadi jumlahnya tidak diketahui',
    });
    expect(sumOfStepCosts(steps('Rp 10.000', 'sesuai tarif'))).toEqual({
      ok: false,
      reason: 'biaya langkah 2 ("sesuai tarif") bukan jumlah rupiah yang terbaca',
    });
  });
});

describe('importStandard: derived cost and mixed-unit total time', () => {
  it('SOP with a free cost column: total time and cost from the steps, marked derived', () => {
    const r = importStandard(shape('sop-step-costs-free.txt'), 'text/plain');
    expect(r.name).toBe('Pembuatan Subdomain Perangkat Daerah');
    expect(r.steps.map((s) => [s.executors, s.time])).toEqual([
      [['Operator Perangkat Daerah'], '15 menit'],
      [['Petugas Helpdesk'], '30 menit'],
      [['Kepala Seksi Infrastruktur'], '1 jam'],
      [['Petugas Helpdesk'], '2 hari kerja'],
      [['Petugas Helpdesk'], '15 menit'],
    ]);
    expect(r.draft.steps.map((s) => s.cost)).toEqual([
      'Rp 0',
      'Gratis',
      'Tidak dipungut biaya',
      'Rp 0,-',
      'Gratis',
    ]);
    expect(r.draft.steps[1].notes).toBe('Nama yang sudah dipakai dikembalikan');
    // Nothing is published for the total: the import answer says so, the draft derives it.
    expect(r.cost).toBeNull();
    expect(r.serviceTimeText).toBeNull();
    expect(r.draft.cost).toEqual({ text: 'Gratis (Rp 0)', free: true });
    // 15 + 30 + 60 + 2 x 450 + 15 = 1020 menit = 17 jam kerja.
    expect(r.draft.serviceTime.text).toBe('17 jam');
    expect(r.draft.derived).toEqual(['requirements', 'products', 'serviceTime', 'cost']);
    expect(r.draft.requirements.map((q) => q.text)).toEqual(['Formulir terisi']);
    expect(r.draft.products).toEqual(['Surat pemberitahuan']);
    expect(r.draft.readingNotes).toContain(
      'Biaya tidak diterbitkan: Gratis (Rp 0), setiap langkah tidak dipungut biaya (dihitung dari langkah).',
    );
    expect(r.draft.readingNotes?.some((n) => n.includes(DERIVED_LABEL))).toBeTrue();
    expect(r.warnings.some((w) => w.startsWith('Biaya tidak diterbitkan'))).toBeFalse();
    expect(r.warnings.some((w) => w.startsWith('Waktu total tidak diterbitkan'))).toBeFalse();
  });

  it('SOP with amounts per step: the cost is their sum; the working day comes from the office', () => {
    const r = importStandard(shape('sop-step-costs-paid.md'), 'text/markdown', undefined, {
      workingDayMinutes: 480,
    });
    expect(r.name).toBe('Pemakaian Studio Siaran Pemerintah Kota');
    expect(r.steps.map((s) => [s.executors, s.time, s.output])).toEqual([
      [['Pemohon'], '1 hari kerja', 'Jadwal pemakaian'],
      [['Pemohon', 'Bendahara Penerimaan'], '1 (satu) hari kerja', 'Bukti setor'],
      [['Petugas Studio'], '2 jam', 'Studio siap'],
      [['Petugas Studio'], '30 menit', 'Berkas rekaman'],
    ]);
    expect(r.draft.steps.map((s) => s.cost)).toEqual([
      'Rp 0',
      'Rp 150.000',
      'Rp. 50.000,-',
      'Gratis',
    ]);
    expect(r.draft.cost).toEqual({ text: 'Rp 200.000', free: false });
    // 2 x 480 + 120 + 30 = 1110 menit = 18,5 jam (with 7.5-hour days it would be 17,5 jam).
    expect(r.draft.serviceTime.text).toBe('18,5 jam');
    expect(r.draft.derived).toContain('cost');
    expect(r.draft.readingNotes).toContain(
      'Biaya tidak diterbitkan: Rp 200.000, jumlah biaya 4 langkah: Rp 0 + Rp 150.000 + Rp. 50.000,- + Gratis (dihitung dari langkah).',
    );
    expect(
      importStandard(shape('sop-step-costs-paid.md'), 'text/markdown').draft.serviceTime.text,
    ).toBe('17,5 jam');
  });

  it('warns, and derives nothing, when the steps do not give enough', () => {
    const text = shape('sop-step-costs-free.txt')
      .replace('Tidak dipungut biaya', '')
      .replace('2 hari kerja', '14 hari kalender');
    const r = importStandard(text, 'text/plain');
    expect(r.draft.cost).toEqual({ text: '', free: false });
    expect(r.draft.serviceTime.text).toBe('');
    expect(r.draft.derived).toEqual(['requirements', 'products']);
    expect(r.warnings).toContain(
      'Biaya tidak diterbitkan dan tidak dapat dihitung dari langkah: langkah 3 tidak menyebut biaya, jadi jumlahnya tidak diketahui. Isi sendiri.',
    );
    expect(
      r.warnings.some((w) =>
        w.startsWith(
          'Waktu total tidak diterbitkan dan tidak dapat dihitung dari langkah: waktu kerja (',
        ),
      ),
    ).toBeTrue();
  });

  it('a published cost or time is kept as published, never replaced by the steps', () => {
    const draft = importStandard(shape('sop-step-costs-paid.md'), 'text/markdown').draft;
    const published = {
      ...draft,
      derived: undefined,
      readingNotes: [],
      cost: { text: 'Rp 100.000 per jam pemakaian', free: false },
      serviceTime: { text: '3 hari kerja' },
    };
    const warnings: string[] = [];
    deriveFromSteps(published, warnings);
    expect(published.cost).toEqual({ text: 'Rp 100.000 per jam pemakaian', free: false });
    expect(published.serviceTime.text).toBe('3 hari kerja');
    expect(published.derived).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('rederive: derived values follow the steps when a standard is edited', () => {
  const imported = () => importStandard(shape('sop-step-costs-paid.md'), 'text/markdown').draft;

  it('sums the edited step costs and times again, and replaces the notes that explained them', () => {
    const draft = imported();
    const steps = draft.steps.map((s) =>
      s.order === 4 ? { ...s, cost: 'Rp 25.000', time: '1 jam' } : s,
    );
    const { standard, problems } = rederive({ ...draft, steps });
    expect(problems).toEqual([]);
    // 0 + 150.000 + 50.000 + 25.000.
    expect(standard.cost).toEqual({ text: 'Rp 225.000', free: false });
    // Civil-service days: 2 x 450 + 120 + 60 = 1080 menit = 18 jam.
    expect(standard.serviceTime.text).toBe('18 jam');
    expect(standard.derived).toEqual(draft.derived);
    const costNotes = standard.readingNotes!.filter((n) => n.startsWith('Biaya tidak diterbitkan'));
    expect(costNotes).toEqual([
      'Biaya tidak diterbitkan: Rp 225.000, jumlah biaya 4 langkah: Rp 0 + Rp 150.000 + Rp. 50.000,- + Rp 25.000 (dihitung dari langkah).',
    ]);
    // The draft passed in is not changed.
    expect(draft.cost).toEqual({ text: 'Rp 200.000', free: false });
  });

  it('leaves follow-up steps out, as the import does', () => {
    const draft = imported();
    const steps = draft.steps.map((s) =>
      s.order === 4 ? { ...s, followUp: true, cost: 'Rp 1.000.000' } : s,
    );
    expect(rederive({ ...draft, steps }).standard.cost.text).toBe('Rp 200.000');
  });

  it('never keeps an old derived value the steps no longer give', () => {
    const draft = imported();
    const unreadable = draft.steps.map((s) => (s.order === 2 ? { ...s, cost: 'sesuai Perda' } : s));
    const r = rederive({ ...draft, steps: unreadable });
    expect(r.problems.map((p) => p.field)).toEqual(['cost']);
    expect(r.problems[0].message).toContain('"sesuai Perda"');
    const noCosts = draft.steps.map((s) => ({ ...s, cost: null, time: null }));
    const none = rederive({ ...draft, steps: noCosts });
    expect(none.problems.map((p) => p.field)).toEqual(['serviceTime', 'cost']);
  });

  it('leaves published values alone', () => {
    const draft = { ...imported(), derived: [] };
    const steps = draft.steps.map((s) => ({ ...s, cost: 'Rp 5.000' }));
    const r = rederive({ ...draft, steps });
    expect(r.standard.cost).toEqual(draft.cost);
    expect(r.problems).toEqual([]);
  });
});
