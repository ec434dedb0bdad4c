import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogFile, parseOfficeFile } from './catalog/catalog-file';
import { CatalogFileError } from './catalog/issues';
import { validateStandard } from './catalog/validate';
import { importStandard } from './import/import';
import { isDerived, stepOwner } from './model';

const seedRoot = join(__dirname, '../../../../tools/seed');
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
const office = (code: string) => parseOfficeFile(read(seedRoot, 'offices', `${code}.yaml`));
const seed = (officeCode: string, code: string) =>
  parseCatalogFile(read(seedRoot, 'catalog', officeCode, `${code}.yaml`));
const requester = new Set(['opd-pemohon', 'tim-teknis-opd']);
const onRequesterSide = (code: string) => requester.has(code);

describe('stepOwner', () => {
  it('takes the explicit owner, else the first office executor, else the requester', () => {
    expect(stepOwner({ executors: ['opd-pemohon', 'tim'], owner: 'tim' }, onRequesterSide)).toBe(
      'tim',
    );
    expect(stepOwner({ executors: ['opd-pemohon', 'kasi', 'tim'] }, onRequesterSide)).toBe('kasi');
    expect(stepOwner({ executors: ['kadis', 'opd-pemohon'] }, onRequesterSide)).toBe('kadis');
    expect(stepOwner({ executors: ['opd-pemohon', 'tim-teknis-opd'] }, onRequesterSide)).toBe(
      'opd-pemohon',
    );
    expect(stepOwner({ executors: [] }, onRequesterSide)).toBe('');
  });
});

describe('the step model in the seeds', () => {
  it('Gorontalo: steps 6-7 owned by the team with KemenPAN-RB taking part; 17-20 follow-ups', () => {
    const s = seed('gorontalo', 'pengembangan-aplikasi');
    const side = new Set(
      office('gorontalo')
        .positions.filter((p) => p.requesterSide)
        .map((p) => p.code),
    );
    const owners = s.steps.map((x) => stepOwner(x, (c) => side.has(c)));
    expect(owners[5]).toBe('tim-pengembangan-aplikasi');
    expect(owners[6]).toBe('tim-pengembangan-aplikasi');
    expect(s.steps[5].participants).toEqual(['Kementerian PAN-RB']);
    // Only steps 1, 12, 17, 18 and 20 are the OPD's alone.
    expect(owners.map((o, i) => (side.has(o) ? i + 1 : 0)).filter(Boolean)).toEqual([
      1, 12, 17, 18, 20,
    ]);
    expect(s.steps.filter((x) => x.followUp).map((x) => x.order)).toEqual([17, 18, 19, 20]);
    expect(s.derived).toBeUndefined();
  });

  it('Riau: step 11 owned by Tim Teknis Bidang Aptika, no follow-ups', () => {
    const s = seed('riau', 'konsultasi-tata-kelola-spbe');
    expect(stepOwner(s.steps[10], onRequesterSide)).toBe('tim-teknis-aptika');
    expect(s.steps.some((x) => x.followUp)).toBeFalse();
  });

  it('Bali: total time, products and requirements marked derived from the steps; cost not free', () => {
    const s = seed('bali', 'pengembangan-aplikasi');
    expect(s.derived).toEqual(['serviceTime', 'products', 'requirements']);
    // Neither published nor derivable (the steps carry no cost): said so, never called free.
    expect(s.cost).toEqual({ text: 'Tidak dicantumkan dalam SOP', free: false });
    expect(isDerived(s, 'serviceTime')).toBeTrue();
    expect(isDerived(seed('riau', 'konsultasi-tata-kelola-spbe'), 'serviceTime')).toBeFalse();
  });

  it('the importer gives a step the OPD names first to the office position taking part', () => {
    const draft = importStandard(
      read(__dirname, 'import/fixtures/004_ade76595ee709662.txt'),
      'text/plain',
      office('gorontalo'),
    ).draft;
    expect(draft.steps[5].executors).toEqual(['opd-pemohon', 'tim-pengembangan-aplikasi']);
    expect(draft.steps[5].owner).toBe('tim-pengembangan-aplikasi');
    expect(draft.steps[0].owner).toBeUndefined();
    expect(draft.steps[2].owner).toBeUndefined();
  });
});

describe('validateStandard: owners, follow-ups and derived values', () => {
  const gorontalo = office('gorontalo');
  const standard = seed('gorontalo', 'pengembangan-aplikasi');

  it('names an owner outside the executors, or on the requester side beside the office', () => {
    const s = structuredClone(standard);
    s.steps[5].owner = 'kadis';
    s.steps[6].owner = 'opd-pemohon';
    s.steps[4].participants = [' '];
    expect(validateStandard(s, gorontalo).map((i) => i.path)).toEqual([
      'steps[4].participants[0]',
      'steps[5].owner',
      'steps[6].owner',
    ]);
  });

  it('keeps follow-ups at the end and derived values unique', () => {
    const s = structuredClone(standard);
    s.steps[10].followUp = true;
    s.derived = ['cost', 'cost'];
    expect(validateStandard(s, gorontalo)).toEqual([
      {
        path: 'steps[11].followUp',
        message: 'langkah tindak lanjut harus di akhir prosedur, setelah langkah biasa',
      },
      { path: 'derived[1]', message: '"cost" tertulis dua kali' },
    ]);
  });

  it('refuses an unknown derived component in the file', () => {
    const text = read(seedRoot, 'catalog', 'bali', 'pengembangan-aplikasi.yaml').replace(
      'derived: [serviceTime, products, requirements]',
      'derived: [serviceTime, warna]',
    );
    try {
      parseCatalogFile(text);
      fail('expected a CatalogFileError');
    } catch (e) {
      expect(e instanceof CatalogFileError).toBeTrue();
      expect((e as CatalogFileError).issues.map((i) => i.path)).toEqual(['derived[1]']);
    }
  });
});

describe('values derived from the steps on import', () => {
  it('Bali: requirements from step 1 and the product from step 7, marked derived', () => {
    const r = importStandard(
      read(__dirname, 'import/fixtures/003_14dbb5ee8a5f65ee.txt'),
      'text/plain',
      office('bali'),
    );
    const seeded = seed('bali', 'pengembangan-aplikasi');
    expect(r.draft.derived).toEqual(['requirements', 'products', 'serviceTime']);
    expect(r.draft.requirements).toEqual(seeded.requirements);
    expect(r.draft.products).toEqual(seeded.products);
    // Hours beside days, added in working time with 7.5-hour days: 1-2 jam + 1 jam + 4 x 7 hari
    // = 28 hari kerja 2 s.d. 3 jam = 212 s.d. 213 jam. The seed rounds this up to whole days.
    expect(r.draft.serviceTime.text).toBe('212 s.d. 213 jam');
    expect(r.warnings.some((w) => w.startsWith('Waktu total tidak diterbitkan'))).toBeFalse();
    // The SOP has no cost column: no cost is derived, and nothing says it is free.
    expect(r.draft.cost).toEqual({ text: '', free: false });
    // A standard that publishes its components derives nothing.
    const riau = importStandard(
      read(__dirname, 'import/fixtures/000_df2d88f25a8d8d47.txt'),
      'text/plain',
      office('riau'),
    );
    expect(riau.draft.derived).toBeUndefined();
  });
});
