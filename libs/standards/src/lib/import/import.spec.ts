import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOfficeFile } from '../catalog/catalog-file';
import type { OfficeDefinition } from '../model';
import { ImportError, type ImportDraftResult } from './draft';
import { importStandard } from './import';

const fixtures = join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const office = (code: string): OfficeDefinition =>
  parseOfficeFile(
    readFileSync(join(__dirname, '../../../../../tools/seed/offices', `${code}.yaml`), 'utf8'),
  );

const RIAU = '000_df2d88f25a8d8d47.txt';
const TEBING = '001_b25c037c7d62f35d.txt';
const BALI = '003_14dbb5ee8a5f65ee.txt';
const GORONTALO = '004_ade76595ee709662.txt';

describe('importStandard: Riau (markdown headings)', () => {
  const r = importStandard(fixture(RIAU), 'text/markdown', office('riau'));

  it('reads name, decree, 4 requirements and 11 steps', () => {
    expect(r.name).toBe('Konsultasi Tata Kelola SPBE Oleh Perangkat Daerah dan Kabupataen/Kota');
    expect(r.draft.decree).toBe('Kpts.33/DISKOMINFOTIK.UP/XI/2020');
    expect(r.requirements).toEqual([
      'Surat permohonan pembuatan aplikasi layanan pemerintah lintas pangkat daerah dari Dinas / perangkat Daerah',
      'Dokumen Kerangka Acuan Kerja',
      'Dokumen Proses Bisnis Aplikasi',
      'Database pendukung',
    ]);
    expect(r.steps.length).toBe(11);
    expect(r.steps[10].description).toBe(
      'Aplikasi yang telah dinyatakan aman, diusulkan oleh perangkat Daerah mengusul untuk dilakukan hosting di data center, diberi nama subdomain dan diberi IP public (jika dibutuhkan).',
    );
  });

  it('maps executors to the office positions', () => {
    expect(r.steps[0].executors).toEqual(['opd-pemohon']);
    expect(r.steps[2].executors).toEqual(['kadis']);
    expect(r.steps[4].executors).toEqual(['kasi-ppa', 'pranata-komputer', 'tim-teknis-aptika']);
    expect(r.steps[7].executors).toEqual(['pranata-komputer', 'tim-teknis-aptika']);
    expect(r.steps[1].executors).toEqual([]);
    expect(r.warnings).toContain(
      'Langkah 2: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    );
  });

  it('reads time, cost, product and the complaint paragraph', () => {
    expect(r.serviceTimeText).toBe('3 Bulan');
    expect(r.serviceTime).toEqual({
      min: 3,
      max: 3,
      unit: 'month',
      basis: 'calendar',
      startsWhen: null,
    });
    expect(r.cost).toEqual({ text: 'Tidak dipungut biaya', free: true });
    expect(r.product).toEqual(['Fitur Aplikasi layanan pemerintah kepala masyarakat']);
    expect(r.complaintChannels.length).toBe(1);
    expect(r.draft.complaintChannels.map((c) => c.kind)).toEqual([
      'letter',
      'phone',
      'email',
      'fax',
      'website',
      'website',
    ]);
    expect(r.draft.complaintChannels[2].value).toBe('diskominfotik@riau.go.id');
  });

  it('warns about the office footer it cannot map', () => {
    expect(
      r.warnings.some(
        (w) =>
          w.includes('"Dinas Komunikasi, Informatika dan Statistik"') &&
          w.includes('tidak dipetakan'),
      ),
    ).toBeTrue();
  });

  it('without an office table keeps executor names as written', () => {
    const plain = importStandard(fixture(RIAU), 'text/plain');
    expect(plain.steps[4].executors).toEqual([
      'Kepala Seksi Pengelolaan dan Pengembangan Aplikasi',
      'Pranata Komputer',
      'Tim Teknis Bidang Aptika',
    ]);
    expect(plain.steps[10].executors).toEqual(['perangkat Daerah']);
    expect(plain.draft.office).toBe('');
  });
});

describe('importStandard: Tebing Tinggi (bare headings, "1. 1." numbering)', () => {
  const r = importStandard(fixture(TEBING), 'text/plain', office('tebingtinggi'));

  it('reads 2 requirement lines as alternatives and 12 steps', () => {
    expect(r.name).toBe('Inventarisasi Aplikasi');
    expect(r.draft.decree).toBeNull();
    expect(r.requirements.length).toBe(2);
    expect(r.requirements[0]).toMatch(/^Penerima\/Pengguna layanan menyampaikan surat/);
    expect(r.draft.requirements.length).toBe(1);
    const options = r.draft.requirements[0].options!;
    expect(options.map((o) => [o.channel, o.alsoChannels ?? []])).toEqual([
      ['letter', ['email']],
      ['walk-in', []],
    ]);
    expect(r.steps.length).toBe(12);
    expect(r.steps[5].executors).toEqual(['tim-teknis-kominfo', 'tim-teknis-opd']);
    expect(r.steps[11].executors).toEqual(['kadis']);
  });

  it('reads "1 Hari" with the walk-in time per channel', () => {
    expect(r.serviceTimeText).toBe('1 Hari');
    expect(r.serviceTime?.unit).toBe('day');
    expect(r.draft.serviceTime.byChannel).toEqual([
      { channel: 'walk-in', text: '30 (tiga puluh) menit sejak permintaan informasi disampaikan.' },
    ]);
    expect(r.draft.complaintChannels).toEqual([
      { kind: 'email', value: 'diskominfo@tebingtinggikota.go.id' },
      { kind: 'email', value: 'diskominfott@gmail.com' },
    ]);
  });
});

describe('importStandard: Bali (SOP table)', () => {
  const r = importStandard(fixture(BALI), 'text/plain', office('bali'));

  it('reads 7 steps with their mutu baku', () => {
    expect(r.steps.length).toBe(7);
    expect(r.steps.map((s) => s.time)).toEqual([
      null,
      '1- 2 Jam',
      '1 Jam',
      '7 Hari',
      '7 Hari',
      '7 Hari',
      '7 Hari',
    ]);
    expect(r.steps[1].duration).toEqual({
      min: 1,
      max: 2,
      unit: 'hour',
      basis: 'working',
      startsWhen: null,
    });
    expect(r.steps[3].inputs).toEqual([
      'Alur sistem',
      'Data input dan output',
      'Mekanisme validasi',
      'Role pengguna',
      'Mekanisme Pelaporan',
      'Proses Bisnis terkait lainnya',
    ]);
    expect(r.steps.map((s) => s.output)).toEqual([
      'Surat Permohonan dan Dokumen Proses Bisnis',
      'Disposisi',
      'Disposisi Turunan kepada Kasi',
      'Dokumen awal proses bisnis PD',
      'Laporan lanjutan proses bisnis PD',
      'Dokumen/Laporan kesepakatan proses bisnis PD',
      'Berita acara pembangunan aplikasi dan/atau Surat Tugas',
    ]);
  });

  it('reads executors from the step text when the marks are missing, and says so', () => {
    expect(r.warnings.some((w) => w.startsWith('Tanda pelaksana'))).toBeTrue();
    expect(r.steps.map((s) => s.executors)).toEqual([
      ['opd-pemohon'],
      ['kasubbag-tu'],
      ['kabid-iai', 'kasi-ai'],
      ['kasi-ai'],
      ['kasi-ai'],
      ['kasi-ai'],
      ['kadis', 'opd-pemohon'],
    ]);
  });

  it('reads the SOP header block', () => {
    const sop = r.draft.sop!;
    expect(r.draft.kind).toBe('sop');
    expect(sop.number).toBe('050/313/SOP/IAI/D.KOMINFOS/2021');
    expect(sop.madeOn).toBe('5 Januari 2021');
    expect(sop.revisedOn).toBeNull();
    expect(sop.approvedBy).toBe('KEPALA DINAS, GEĐE PRAMANA NIP. 196805311997031002');
    expect(sop.name).toBe('PENGEMBANGAN APLIKASI');
    expect(r.legalBasis.length).toBe(7);
    expect(r.legalBasis[6]).toBe(
      'Permenpan RB 59/2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik',
    );
    expect(sop.executorQualifications.length).toBe(3);
    expect(sop.equipment.length).toBe(8);
    expect(sop.relatedSops).toEqual([]);
    expect(sop.warnings.length).toBe(1);
    expect(sop.recordKeeping.length).toBe(1);
    expect(sop.title).toMatch(
      /^STANDARD OPERATIONAL PROCEDURES \(SOP\) KEGIATAN .* BERBASIS ELEKTRONIK$/,
    );
    expect(sop.issuedBy).toEqual([
      'PEMERINTAH PROVINSI BALI',
      'DINAS KOMUNIKASI INFORMATIKA DAN STATISTIK PROVINSI BALI',
      'BIDANG INFRASTRUKTUR DAN APLIKASI INFORMATIKA',
    ]);
    expect(r.warnings).toContain('Bagian "Persyaratan" tidak ditemukan dalam teks.');
  });

  it('takes executors from the marks when the matrix has them', () => {
    const lines = fixture(BALI).split('\n');
    const row = lines.findIndex((l) => l.startsWith('2\t'));
    const cells = lines[row].split('\t');
    cells[3] = '√'; // KASUBBAG TU / SEKRETARIS
    cells[2] = '√'; // KA. DINAS
    lines[row] = cells.join('\t');
    const marked = importStandard(lines.join('\n'), 'text/plain', office('bali'));
    expect(marked.steps[1].executors).toEqual(['kadis', 'kasubbag-tu']);
    expect(marked.warnings.some((w) => w.startsWith('Tanda pelaksana'))).toBeFalse();
    const unmapped = importStandard(lines.join('\n'), 'text/plain');
    expect(unmapped.steps[1].executors).toEqual(['KA. DINAS', 'KASUBBAG TU / SEKRETARIS']);
  });
});

function expectGorontalo(r: ImportDraftResult): void {
  expect(r.name).toBe(
    'LAYANAN PENGEMBANGAN APLIKASI PEMERINTAHAN DAN PELAYANAN PUBLIK YANG TERINTEGRASI',
  );
  expect(r.requirements).toEqual([
    'Surat pembangunan/pengembangan aplikasi',
    'Proposal pembangunan/ pengembangan aplikasi',
    'Identifikasi proses bisnis layanan dengan BPMN',
    'Hasil Kajian biaya dan manfaat',
    'Spesifikasi Sistem (System Specification)',
  ]);
  expect(r.draft.submissionNote).toMatch(
    /^Persyaratan 1 s\.d 5 disampaikan melalui aplikasi layanan SPBE/,
  );
  expect(r.steps.length).toBe(20);
  expect(r.steps[15].description).toBe(
    'Tim Kerja Pengembangan Aplikasi Melakukan oprasionalisasi integrasi/interoperabilitas',
  );
  expect(r.steps[19].description).toBe(
    'OPD melakukan evaluasi kemanfaatan dan kesesuaian aplikasi dengan perkembangan probis layanan',
  );
  expect(r.steps[1].executors).toEqual(['helpdesk']);
  expect(r.steps[5].executors).toEqual(['opd-pemohon', 'tim-pengembangan-aplikasi']);
  expect(r.steps[12].executors).toEqual(['tim-pusat-data']);
  expect(r.serviceTimeText).toBe('1 s.d 2 bulan');
  expect(r.serviceTime).toEqual({
    min: 1,
    max: 2,
    unit: 'month',
    basis: 'calendar',
    startsWhen: null,
  });
  expect(r.cost).toEqual({ text: 'Gratis', free: true });
  expect(r.product).toEqual(['Aplikasi pemerintahan dan layanan publik']);
  expect(r.complaintChannels.length).toBe(3);
  expect(r.draft.complaintChannels.map((c) => c.kind)).toEqual(['portal', 'sp4n-lapor', 'email']);
  expect(r.legalBasis.length).toBe(4);
  expect(r.internal.facilities.length).toBe(9);
  expect(r.internal.competencies.length).toBe(6);
  expect(r.internal.supervision).toEqual([
    'Dilakukan oleh atasan langsung secara berjenjang.',
    'Dilakukan oleh pejabat struktural/fungsional',
    'Dilakukan secara kontinyu',
  ]);
  expect(r.internal.staffCount).toBe('Jumlah personil sebanyak 6 (enam) orang');
  expect(r.internal.serviceGuarantee).toMatch(/^Pelayanan didukung oleh petugas/);
  expect(r.internal.securityGuarantee).toBe('Data dilindungi dengan enkripsi dan firewall.');
  expect(r.internal.performanceEvaluation).toMatch(/minimal 1 kali dalam satu tahun/);
  expect(r.warnings.filter((w) => !w.startsWith('Butir persyaratan 6'))).toEqual([]);
}

describe('importStandard: Gorontalo (two-table form)', () => {
  it('reads the published tab-separated text with inline HTML', () => {
    expectGorontalo(importStandard(fixture(GORONTALO), 'text/plain', office('gorontalo')));
  });
  it('reads the same standard as a markdown table', () => {
    expectGorontalo(
      importStandard(fixture('004_gorontalo.md'), 'text/markdown', office('gorontalo')),
    );
  });
  it('reads the same standard as an HTML table', () => {
    expectGorontalo(
      importStandard(
        fixture('004_gorontalo.html'),
        'text/html; charset=utf-8',
        office('gorontalo'),
      ),
    );
  });
});

describe('importStandard: rejection', () => {
  const rejects = (text: string, type: string, message: RegExp) => {
    let error: unknown;
    try {
      importStandard(text, type);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('IMPORT_UNREADABLE');
    expect((error as Error).message).toMatch(message);
  };

  it('rejects empty text', () => rejects('  \n\t ', 'text/plain', /Teks standar kosong/));
  it('rejects binary content', () => {
    const pdf =
      '%PDF-1.7\n' + Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 32)).join('');
    rejects(pdf, 'text/plain', /berkas biner/);
  });
  it('rejects text without any component', () =>
    rejects(
      'Selamat datang di portal kami.\nSilakan hubungi kami.',
      'text/plain',
      /Tidak ada bagian standar pelayanan yang dikenali/,
    ));
  it('rejects HTML without any component', () =>
    rejects(
      '<html><body><p>Halaman tidak ditemukan</p></body></html>',
      'text/html',
      /Tidak ada bagian/,
    ));
  it('rejects an unsupported content type', () =>
    rejects(fixture(RIAU), 'application/pdf', /"application\/pdf" tidak didukung/));
});

describe('importStandard: warnings for what it cannot map', () => {
  it('names unknown components and unreadable times', () => {
    const text = [
      'Layanan Uji',
      '',
      'Persyaratan',
      '1. Surat permohonan',
      'Sistem, Mekanisme dan Prosedur',
      '1. Tim Teknis memeriksa berkas',
      'Waktu Penyelesaian',
      'secepatnya',
      'Biaya / Tarif',
      'Gratis',
      '### Motto Pelayanan',
      'Melayani dengan hati',
    ].join('\n');
    const r = importStandard(text, 'text/markdown');
    expect(r.steps[0].executors).toEqual(['Tim Teknis']);
    expect(r.serviceTime).toBeNull();
    expect(r.warnings).toContain(
      'Waktu penyelesaian "secepatnya" tidak terbaca (tidak dapat membaca "secepatnya" sebagai jangka waktu).',
    );
    expect(r.warnings).toContain(
      'Bagian "Motto Pelayanan" (1 baris) tidak dikenali sebagai komponen standar; tidak dipetakan.',
    );
    expect(r.warnings).toContain('Bagian "Produk Pelayanan" tidak ditemukan dalam teks.');
  });
});
