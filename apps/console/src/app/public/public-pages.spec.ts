import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  PublicOffice,
  PublicOfficeDetail,
  PublicPerformance,
  PublicServiceDetail,
} from '@sigap/contracts';
import {
  BlankComponent,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { I18nService } from '../i18n/i18n.service';
import { PUBLIC_ROUTES } from './public.routes';

const OFFICE: PublicOffice = {
  code: 'tebingtinggi',
  name: 'Diskominfo Kota Tebing Tinggi',
  timeZone: 'Asia/Jakarta',
  zone: 'WIB',
  address: 'Jl. Dr. Sutomo',
  website: null,
  serviceCount: 1,
};

const PERFORMANCE: PublicPerformance = {
  from: '2025-06-15',
  to: '2026-06-15',
  finished: 8,
  withinTime: 6,
  compliancePercent: 75,
  complaints: 2,
  complaintsAnsweredInTime: 1,
  ikm: null,
};

const SERVICE: PublicServiceDetail = {
  office: OFFICE,
  code: 'inventarisasi-aplikasi',
  name: 'Inventarisasi Aplikasi',
  kind: 'standar-pelayanan',
  decree: 'SK 123/2024',
  version: 2,
  updatedAt: '2026-03-01T03:00:00.000Z',
  requirements: [
    {
      code: 'r1',
      text: 'Permintaan informasi',
      options: [
        { label: 'Surat atau e-mail', channel: 'letter', items: ['Surat permintaan'] },
        { label: 'Datang langsung', channel: 'walk-in', items: ['KTP', 'Buku tamu'] },
      ],
    },
  ],
  submissionNote: null,
  intakeChannels: ['letter', 'email', 'walk-in'],
  steps: [
    {
      order: 1,
      description: 'Menyampaikan permintaan',
      executors: ['OPD pemohon'],
      owner: 'OPD pemohon',
      participants: [],
      time: null,
      output: 'Surat',
      parallelWithPrevious: false,
      followUp: false,
    },
    {
      order: 2,
      description: 'Mendisposisikan',
      executors: ['Kepala Dinas'],
      owner: 'Kepala Dinas',
      participants: [],
      time: '2 Jam',
      output: null,
      parallelWithPrevious: false,
      followUp: false,
    },
  ],
  serviceTime: {
    text: '1 Hari',
    byChannel: [{ channel: 'walk-in', text: '30 menit' }],
  },
  cost: { text: 'Gratis', free: true },
  products: ['Data inventaris aplikasi'],
  complaintChannels: [{ kind: 'email', value: 'diskominfo@tebingtinggikota.go.id' }],
  complaintNote: null,
  derived: [],
  performance: PERFORMANCE,
};

/** Trimmed texts of the elements matching `selector`, in document order. */
function cells(root: HTMLElement, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
}

describe('public standards pages', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url: string): Promise<void> {
    resetStorage();
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        ...PUBLIC_ROUTES,
        { path: 'lacak/:token', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
  }

  async function settle(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('lists the offices without a sign-in and links each to its page', async () => {
    await open('/standar-pelayanan');
    backend.expectOne('/api/v1/public/offices').flush([OFFICE]);
    const page = await settle();
    const link = page.querySelector<HTMLAnchorElement>('[data-test="office-tebingtinggi"]');
    expect(link?.textContent).toContain('Diskominfo Kota Tebing Tinggi');
    expect(link?.getAttribute('href')).toBe('/standar-pelayanan/tebingtinggi');
    expect(textOf(page, '[data-test="offices"]')).toContain('1 layanan · WIB');
  });

  it('shows the office with its services and its figures; IKM without data says so', async () => {
    await open('/standar-pelayanan/tebingtinggi');
    const detail: PublicOfficeDetail = {
      office: OFFICE,
      services: [
        {
          code: 'inventarisasi-aplikasi',
          name: 'Inventarisasi Aplikasi',
          kind: 'standar-pelayanan',
          serviceTime: '1 Hari',
          cost: 'Gratis',
          free: true,
        },
      ],
      performance: PERFORMANCE,
      complaintTiers: [
        { name: 'Pengaduan ringan', description: 'Tanpa koordinasi.', workingDays: 5 },
        { name: 'Pengaduan berat', description: null, workingDays: 60 },
      ],
    };
    backend.expectOne('/api/v1/public/offices/tebingtinggi').flush(detail);
    const page = await settle();
    expect(textOf(page, 'h1')).toBe('Diskominfo Kota Tebing Tinggi');
    expect(cells(page, '[data-test="services"] tbody td')).toEqual([
      'Inventarisasi Aplikasi',
      '1 Hari',
      'Gratis',
    ]);
    expect(textOf(page, '[data-test="perf-compliance"]')).toContain('75%');
    expect(textOf(page, '[data-test="perf-compliance"]')).toContain('6 dari 8 permohonan');
    expect(textOf(page, '[data-test="perf-ikm"]')).toContain('Belum ada data');
    // The office's own complaint tiers, each with its answer time.
    expect(textOf(page, '[data-test="complaint-tiers"]')).toContain(
      'Pengaduan ringan · 5 hari kerja',
    );
    expect(textOf(page, '[data-test="complaint-tiers"]')).toContain('Tanpa koordinasi.');
    expect(textOf(page, '[data-test="complaint-tiers"]')).toContain(
      'Pengaduan berat · 60 hari kerja',
    );
  });

  it('shows the IKM with two decimals as the API gives it, beside its grade', async () => {
    await open('/standar-pelayanan/tebingtinggi');
    backend.expectOne('/api/v1/public/offices/tebingtinggi').flush({
      office: OFFICE,
      services: [],
      performance: {
        ...PERFORMANCE,
        ikm: { value: 88.3, shown: '88.30', grade: 'B', respondents: 40 },
      },
      complaintTiers: [],
    } satisfies PublicOfficeDetail);
    const page = await settle();
    expect(textOf(page, '[data-test="perf-ikm"]')).toContain('88.30');
    expect(textOf(page, '[data-test="perf-ikm"]')).toContain('B');
  });

  it('shows the six components in order, the procedure and the time per channel, in both languages', async () => {
    await open('/standar-pelayanan/tebingtinggi/inventarisasi-aplikasi');
    backend
      .expectOne('/api/v1/public/offices/tebingtinggi/services/inventarisasi-aplikasi')
      .flush(SERVICE);
    let page = await settle();
    const headings = [...page.querySelectorAll('article > section > h2')].map((h) =>
      h.textContent?.trim(),
    );
    expect(headings).toEqual([
      '1. Persyaratan',
      '2. Sistem, mekanisme dan prosedur',
      '3. Jangka waktu penyelesaian',
      '4. Biaya / tarif',
      '5. Produk pelayanan',
      '6. Penanganan pengaduan, saran dan masukan',
    ]);
    const rows = [...page.querySelectorAll('[data-test="steps"] tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['1', 'Menyampaikan permintaan', 'OPD pemohon', '—', 'Surat'],
      ['2', 'Mendisposisikan', 'Kepala Dinas', '2 Jam', '—'],
    ]);
    expect(cells(page, '[data-test="service-time"] dt, [data-test="service-time"] dd')).toEqual([
      'Seluruhnya',
      '1 Hari',
      'Melalui datang langsung',
      '30 menit',
    ]);
    expect(textOf(page, '[data-test="requirements"]')).toContain('Salah satu dari:');
    expect(textOf(page, '[data-test="complaint-channels"]')).toContain(
      'E-mail: diskominfo@tebingtinggikota.go.id',
    );
    const complain = page.querySelector<HTMLAnchorElement>('[data-test="file-complaint"]');
    expect(complain?.getAttribute('href')).toBe(
      '/pengaduan?kantor=tebingtinggi&layanan=inventarisasi-aplikasi',
    );

    TestBed.inject(I18nService).setLocale('en');
    page = await settle();
    expect(textOf(page, '#c3')).toBe('3. Service time');
    expect(cells(page, '[data-test="service-time"] dt')).toEqual(['In total', 'By in person']);
    expect(textOf(page, '[data-test="perf-ikm"]')).toContain('No data yet');
  });

  it('labels values computed from the steps, names the owner and marks follow-ups', async () => {
    await open('/standar-pelayanan/tebingtinggi/inventarisasi-aplikasi');
    const derived: PublicServiceDetail = {
      ...SERVICE,
      derived: ['serviceTime', 'cost', 'products', 'requirements'],
      steps: [
        SERVICE.steps[0],
        {
          ...SERVICE.steps[1],
          executors: ['OPD pemohon', 'Tim Teknis'],
          owner: 'Tim Teknis',
          participants: ['Kementerian PAN-RB'],
          followUp: true,
        },
      ],
    };
    backend
      .expectOne('/api/v1/public/offices/tebingtinggi/services/inventarisasi-aplikasi')
      .flush(derived);
    const page = await settle();
    for (const field of ['serviceTime', 'cost', 'products', 'requirements'])
      expect(textOf(page, `[data-test="derived-${field}"]`)).toContain('dihitung dari langkah');
    expect(textOf(page, '[data-test="step-owner"]')).toBe('Penanggung jawab: Tim Teknis');
    expect(cells(page, '[data-test="step-executors"]')[1]).toContain('bersama Kementerian PAN-RB');
    expect(cells(page, '[data-test="follow-up"]').length).toBe(1);
  });

  it('says so when the service does not exist', async () => {
    await open('/standar-pelayanan/tebingtinggi/tidak-ada');
    backend
      .expectOne('/api/v1/public/offices/tebingtinggi/services/tidak-ada')
      .flush(
        { title: 'Tidak ditemukan', status: 404, code: 'public.service_not_found' },
        { status: 404, statusText: 'Not Found' },
      );
    const page = await settle();
    expect(textOf(page, '[role="alert"]')).toBe('Halaman yang Anda cari tidak ditemukan.');
  });
  it('links every standards page to the portal and to tracking', async () => {
    await open('/standar-pelayanan/tebingtinggi/inventarisasi-aplikasi');
    backend
      .expectOne('/api/v1/public/offices/tebingtinggi/services/inventarisasi-aplikasi')
      .flush(SERVICE);
    const page = await settle();
    const frame = harness.fixture.nativeElement as HTMLElement;
    expect(frame.querySelector('[data-test="nav-portal"]')?.getAttribute('href')).toBe('/portal');
    expect(frame.querySelector('[data-test="nav-track"]')?.getAttribute('href')).toBe('/lacak');
    expect(page.querySelector('[data-test="service-portal"]')?.getAttribute('href')).toBe(
      '/portal',
    );
    expect(page.querySelector('[data-test="service-track"]')?.getAttribute('href')).toBe('/lacak');
  });

  it('takes a pasted tracking link to its page, and refuses anything else', async () => {
    await open('/lacak');
    const page = await settle();
    const input = page.querySelector<HTMLInputElement>('[data-test="track-find-input"]')!;
    input.value = 'tidak ada';
    input.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('[data-test="track-find-go"]')!.click();
    await settle();
    expect(textOf(page, '[data-test="track-find-error"]')).toContain('bukan tautan pelacakan');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    const token = 'A'.repeat(22) + 'b_-'.repeat(8);
    input.value = `https://sigap.example.go.id/lacak/${token}`;
    input.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('[data-test="track-find-go"]')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/lacak/${token}`);
  });
});
