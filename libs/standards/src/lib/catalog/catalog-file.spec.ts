import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importStandard } from '../import/import';
import type { ServiceStandard } from '../model';
import {
  parseCatalogFile,
  parseOfficeFile,
  serializeCatalogFile,
  serializeOfficeFile,
} from './catalog-file';
import { CatalogFileError, type CatalogIssue } from './issues';
import { validateStandard } from './validate';

const seedRoot = join(__dirname, '../../../../../tools/seed');
const fixtures = join(__dirname, '../import/fixtures');
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
const officeFile = (code: string) => parseOfficeFile(read(seedRoot, 'offices', `${code}.yaml`));

function issuesOf(fn: () => unknown): CatalogIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalogFileError) return e.issues;
    throw e;
  }
  throw new Error('expected a CatalogFileError');
}

const SEEDS = [
  {
    office: 'riau',
    code: 'konsultasi-tata-kelola-spbe',
    source: '000_df2d88f25a8d8d47.txt',
    requirements: 4,
    steps: 11,
  },
  {
    office: 'tebingtinggi',
    code: 'inventarisasi-aplikasi',
    source: '001_b25c037c7d62f35d.txt',
    requirements: 2,
    steps: 12,
  },
  {
    office: 'bali',
    code: 'pengembangan-aplikasi',
    source: '003_14dbb5ee8a5f65ee.txt',
    requirements: 0,
    steps: 7,
  },
  {
    office: 'gorontalo',
    code: 'pengembangan-aplikasi',
    source: '004_ade76595ee709662.txt',
    requirements: 5,
    steps: 20,
  },
];

/** Published requirement lines: a requirement with options counts each option's items. */
function requirementLines(s: ServiceStandard): string[] {
  return s.requirements.flatMap((r) => (r.options ? r.options.flatMap((o) => o.items) : [r.text]));
}
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

describe('seed catalog files', () => {
  it('has exactly the four offices and four services', () => {
    expect(readdirSync(join(seedRoot, 'offices')).sort()).toEqual([
      'bali.yaml',
      'gorontalo.yaml',
      'riau.yaml',
      'tebingtinggi.yaml',
    ]);
    for (const seed of SEEDS)
      expect(readdirSync(join(seedRoot, 'catalog', seed.office))).toEqual([`${seed.code}.yaml`]);
  });

  for (const seed of SEEDS) {
    describe(`${seed.office}/${seed.code}`, () => {
      const office = officeFile(seed.office);
      const standard = parseCatalogFile(
        read(seedRoot, 'catalog', seed.office, `${seed.code}.yaml`),
      );
      const imported = importStandard(read(fixtures, seed.source), 'text/plain', office);

      it('parses and validates against its office', () => {
        expect(standard.office).toBe(seed.office);
        expect(validateStandard(standard, office)).toEqual([]);
      });

      it('agrees with what the importer reads from the published text', () => {
        expect(standard.steps.length).toBe(seed.steps);
        expect(imported.steps.length).toBe(seed.steps);
        expect(standard.steps.map((s) => squash(s.description))).toEqual(
          imported.steps.map((s) => squash(s.description)),
        );
        expect(imported.requirements.length).toBe(seed.requirements);
        if (standard.kind === 'sop') {
          // The SOP has no Persyaratan: the catalog reads them from step 1 and says so.
          expect(
            standard.readingNotes?.some((n) => n.includes('SOP tidak memuat bagian persyaratan')),
          ).toBeTrue();
        } else {
          expect(requirementLines(standard).map(squash)).toEqual(imported.requirements.map(squash));
        }
        expect(standard.steps.map((s) => s.time)).toEqual(imported.steps.map((s) => s.time));
        expect(standard.internal.legalBasis.length).toBe(imported.legalBasis.length);
      });

      it('round-trips through serializeCatalogFile', () => {
        expect(parseCatalogFile(serializeCatalogFile(standard))).toEqual(standard);
        expect(parseOfficeFile(serializeOfficeFile(office))).toEqual(office);
      });
    });
  }

  it('gives every office helpdesk and opd-pemohon on the requester side', () => {
    for (const code of ['riau', 'tebingtinggi', 'bali', 'gorontalo']) {
      const positions = officeFile(code).positions;
      expect(positions.find((p) => p.code === 'helpdesk')).toBeDefined();
      expect(positions.find((p) => p.code === 'opd-pemohon')?.requesterSide).toBeTrue();
    }
    expect(officeFile('bali').timeZone).toBe('Asia/Makassar');
    expect(officeFile('tebingtinggi').ticketPrefix).toBe('TTG');
  });
});

describe('parseCatalogFile', () => {
  const gorontalo = read(seedRoot, 'catalog', 'gorontalo', 'pengembangan-aplikasi.yaml');

  it('names the field path of every problem', () => {
    const broken = gorontalo
      .replace('kind: standar-pelayanan', 'kind: brosur')
      .replace('  - order: 2\n', '  - order: dua\n')
      .replace('    executors: [helpdesk]\n', '')
      .replace('  free: true', '  free: ya')
      .concat('warna: biru\n');
    const issues = issuesOf(() => parseCatalogFile(broken));
    expect(issues).toEqual(
      jasmine.arrayWithExactContents([
        { path: 'kind', message: 'nilai "brosur" tidak dikenal; pilihan: standar-pelayanan, sop' },
        { path: 'steps[1].order', message: 'harus bilangan bulat, bukan teks "dua"' },
        { path: 'steps[1].executors', message: 'wajib diisi (daftar)' },
        { path: 'cost.free', message: 'harus true atau false, bukan teks "ya"' },
        { path: 'warna', message: 'kolom tidak dikenal' },
      ]),
    );
  });

  it('reports unreadable YAML with its line', () => {
    const issues = issuesOf(() => parseCatalogFile('code: a\n  name: [b\n'));
    expect(issues[0].path).toBe('');
    expect(issues[0].message).toMatch(/^YAML tidak dapat dibaca \(baris \d+/);
    expect(issuesOf(() => parseCatalogFile('')).map((i) => i.message)).toEqual(['berkas kosong']);
    expect(issuesOf(() => parseCatalogFile('- a\n- b\n'))[0].message).toBe(
      'harus berupa objek (pasangan kunci: nilai), bukan daftar',
    );
  });
});

describe('validateStandard', () => {
  const bali = officeFile('bali');
  const standard = parseCatalogFile(
    read(seedRoot, 'catalog', 'bali', 'pengembangan-aplikasi.yaml'),
  );

  it('names executors missing from the office position table', () => {
    const s = structuredClone(standard);
    s.steps[3].executors = ['kasi-ai', 'kabid-x'];
    s.steps[4].time = 'kapan-kapan';
    s.steps[5].order = 9;
    s.serviceTime.text = '2 s.d 1 jam';
    expect(validateStandard(s, bali)).toEqual([
      {
        path: 'steps[3].executors[1]',
        message: 'posisi "kabid-x" tidak ada di tabel posisi kantor bali',
      },
      {
        path: 'steps[4].time',
        message:
          'waktu "kapan-kapan" tidak terbaca: tidak dapat membaca "kapan-kapan" sebagai jangka waktu',
      },
      { path: 'steps[5].order', message: 'urutan langkah harus 6, tertulis 9' },
      {
        path: 'serviceTime.text',
        message:
          'waktu "2 s.d 1 jam" tidak terbaca: batas atas (1) lebih kecil dari batas bawah (2)',
      },
    ]);
  });

  it('names times in fractions of a day, which the SLA clock cannot count', () => {
    const s = structuredClone(standard);
    s.steps[1].time = '½ hari';
    s.serviceTime.text = 'Setengah hari';
    expect(validateStandard(s, bali)).toEqual([
      {
        path: 'steps[1].time',
        message:
          'waktu "½ hari" memakai pecahan hari, minggu atau bulan; jam SLA menghitung satuan itu utuh, tulis dalam jam atau menit',
      },
      {
        path: 'serviceTime.text',
        message:
          'waktu "Setengah hari" memakai pecahan hari, minggu atau bulan; jam SLA menghitung satuan itu utuh, tulis dalam jam atau menit',
      },
    ]);
    s.steps[1].time = '1,5 jam';
    s.serviceTime.text = '4 jam';
    expect(validateStandard(s, bali)).toEqual([]);
  });

  it('checks the office code and the clock start', () => {
    const s = structuredClone(standard);
    s.office = 'riau';
    s.serviceTime.text = '3 hari kerja sejak berkas lengkap';
    expect(validateStandard(s, bali).map((i) => i.path)).toEqual(['office', 'clockStartsWhen']);
  });
});

describe('parseOfficeFile', () => {
  it('checks zone, region, prefix, codes and the supervisor chain', () => {
    const text = [
      'code: Kota X',
      'name: Kantor X',
      'timeZone: Asia/Atlantis',
      'region: bali',
      'ticketPrefix: x',
      'positions:',
      '  - { code: kadis, name: Kepala Dinas, reportsTo: kabid }',
      '  - { code: kabid, name: Kepala Bidang, reportsTo: kadis }',
      '  - { code: kabid, name: Kepala Bidang Lain, reportsTo: bos }',
      '  - { code: opd-pemohon, name: OPD pemohon, reportsTo: null }',
    ].join('\n');
    const issues = issuesOf(() => parseOfficeFile(text));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'code: kode "Kota X" hanya boleh huruf kecil, angka dan tanda -',
      'timeZone: zona waktu "Asia/Atlantis" bukan zona IANA (mis. Asia/Jakarta)',
      'region: kode wilayah "bali" bukan ISO 3166-2 (mis. ID-BA)',
      'ticketPrefix: awalan tiket "x" harus 2-12 huruf besar/angka, diawali huruf',
      'positions[2].code: kode "kabid" sudah dipakai di positions[1]',
      'positions[2].reportsTo: posisi atasan "bos" tidak ada di tabel posisi',
      'positions[0].reportsTo: rantai atasan berputar kembali ke "kadis"',
      'positions[1].reportsTo: rantai atasan berputar kembali ke "kabid"',
      'positions: posisi wajib "helpdesk" tidak ada',
      'positions[3].requesterSide: posisi opd-pemohon harus requesterSide: true',
    ]);
  });
});
