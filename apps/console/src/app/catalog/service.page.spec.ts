import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ServiceDetail, ServicePreviewResponse } from '@sigap/contracts';
import { AGENT, OFFICES, SERVICE_DETAIL, TEBING_TINGGI_STANDARD } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { I18nService } from '../i18n/i18n.service';
import { ServicePage } from './service.page';

const URL = '/api/v1/catalog/services/tebingtinggi/inventarisasi-aplikasi';
const PREVIEW_URL = '/api/v1/sla/preview/service';

/** Received Mon 8 Jun 2026 09.00 WIB: "1 Hari" is due Tue 9 Jun 09.00; step 7 "2 Jam" at 11.00. */
const PREVIEW: ServicePreviewResponse = {
  office: 'tebingtinggi',
  code: 'inventarisasi-aplikasi',
  version: 2,
  start: '2026-06-08T09:00:00+07:00',
  channel: null,
  total: {
    text: '1 Hari',
    target: '2026-06-09T09:00:00+07:00',
    limit: '2026-06-09T09:00:00+07:00',
    problem: null,
  },
  steps: Array.from({ length: 12 }, (_, i) => ({
    order: i + 1,
    start: '2026-06-08T09:00:00+07:00',
    text: i === 6 ? '2 Jam' : null,
    target: i === 6 ? '2026-06-08T11:00:00+07:00' : null,
    limit: i === 6 ? '2026-06-08T11:00:00+07:00' : null,
    problem: i === 6 ? null : 'standar tidak menyebut waktu',
  })),
  note: 'Langkah dihitung berurutan.',
  calendarVersion: '0123456789abcdef',
  timeZone: 'Asia/Jakarta',
  zoneAbbreviation: 'WIB',
};

describe('ServicePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(
    detail: ServiceDetail = SERVICE_DETAIL,
    url = '/katalog/tebingtinggi/inventarisasi-aplikasi',
    preview: ServicePreviewResponse | 'fail' = PREVIEW,
  ): Promise<HTMLElement> {
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'katalog', children: [] },
        { path: 'katalog/:office/:code', component: ServicePage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    if (url.includes('versi=')) {
      backend.expectOne(`${URL}/versions/1`).flush(detail);
    } else {
      backend.expectOne(URL).flush(detail);
    }
    const previewRequest = backend.expectOne(PREVIEW_URL);
    expect(previewRequest.request.body).toEqual({
      office: 'tebingtinggi',
      code: 'inventarisasi-aplikasi',
    });
    if (preview === 'fail') {
      previewRequest.flush(null, { status: 500, statusText: 'Server Error' });
    } else {
      previewRequest.flush(preview);
    }
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('renders the Tebing Tinggi standard: name, 12 steps, executors by position name', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=service-name]')).toBe('Inventarisasi Aplikasi');
    const rows = element.querySelectorAll('[data-test=step-row]');
    expect(rows.length).toBe(12);
    expect(rows[1].querySelector('[data-test=step-executors]')!.textContent!.trim()).toBe(
      'Kepala Dinas',
    );
    expect(rows[5].querySelector('[data-test=step-executors]')!.textContent!.trim()).toBe(
      'Tim Teknis Kominfo',
    );
    // Step 7: time as written and as parsed; step 4: its inputs; step 11: its output.
    expect(rows[6].textContent).toContain('2 Jam');
    expect(rows[6].textContent).toContain('(2 jam)');
    expect(rows[3].textContent).toContain('Sourcecode aplikasi; Dokumentasi pengujian');
    expect(rows[10].textContent).toContain('Laporan hasil inventarisasi');
    // Each cell carries its column name for the stacked layout on phones.
    expect(rows[0].querySelectorAll('td[data-label]').length).toBe(6);
  });

  it('shows a requirement with alternatives as "salah satu dari"', async () => {
    const element = await open();
    const requirements = element.querySelectorAll('[data-test=requirement]');
    expect(requirements.length).toBe(1);
    const alternatives = requirements[0].querySelector('[data-test=alternatives]')!;
    expect(alternatives.textContent).toContain('salah satu dari');
    const options = alternatives.querySelectorAll('[data-test=alternative]');
    expect(options.length).toBe(2);
    expect(options[1].textContent).toContain('Hadir langsung');
    expect(options[1].textContent).toContain('Datang langsung');
    expect(options[1].textContent).toContain('Buku tamu');
  });

  it('shows the total time with the walk-in time beside it', async () => {
    const element = await open();
    const time = element.querySelector('[data-test=service-time]')!;
    expect(time.textContent).toContain('1 Hari');
    expect(time.textContent).toContain('1 hari kerja');
    const channels = time.querySelectorAll('[data-test=channel-time]');
    expect(channels.length).toBe(1);
    expect(channels[0].textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Datang langsung: 30 (tiga puluh) menit sejak permintaan disampaikan',
    );
  });

  it('shows cost, products, complaint channels, legal basis, internal parts and reading notes', async () => {
    const element = await open();
    const text = element.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Tidak dipungut biaya');
    expect(text).toContain('Gratis');
    expect(text).toContain('Penyimpanan Source Code Aplikasi di Server Diskominfo');
    expect(element.querySelectorAll('[data-test=complaints] li').length).toBe(2);
    expect(text).toContain('E-mail: diskominfott@gmail.com');
    expect(text).toContain('Peraturan Presiden Nomor 95 Tahun 2018');
    expect(element.querySelector('[data-test=internal]')!.textContent).toContain(
      'Komponen pengelolaan',
    );
    expect(textOf(element, '[data-test=reading-notes]')).toContain('Datang Langsung');
    expect(element.querySelector('[data-test=sop]')).toBeNull();
  });

  it('shows the SOP header when the standard has one', async () => {
    const element = await open({
      ...SERVICE_DETAIL,
      standard: {
        ...TEBING_TINGGI_STANDARD,
        kind: 'sop',
        sop: {
          number: '800/SOP-12/2023',
          madeOn: '2 Januari 2023',
          revisedOn: null,
          effectiveOn: '1 Februari 2023',
          approvedBy: 'Kepala Dinas',
          name: 'SOP Pembangunan Aplikasi',
          executorQualifications: ['Memahami BPMN'],
          relatedSops: [],
          equipment: ['Komputer'],
          warnings: [],
          recordKeeping: ['Arsip digital'],
        },
      },
    });
    const sop = textOf(element, '[data-test=sop]');
    expect(sop).toContain('800/SOP-12/2023');
    expect(sop).toContain('Memahami BPMN');
    expect(sop).toContain('Arsip digital');
    expect(sop).not.toContain('Keterkaitan');
  });

  it('opens an older version from the history', async () => {
    const element = await open(
      { ...SERVICE_DETAIL, version: 1, createdAt: '2026-01-05T08:00:00.000Z' },
      '/katalog/tebingtinggi/inventarisasi-aplikasi?versi=1',
    );
    expect(textOf(element, '[data-test=old-version]')).toContain('versi 1');
    await TestBed.inject(Router).navigateByUrl('/katalog/tebingtinggi/inventarisasi-aplikasi');
    await harness.fixture.whenStable();
    backend.expectOne(URL).flush(SERVICE_DETAIL);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement!.querySelector('[data-test=old-version]')).toBeNull();
  });

  it('follows the language switch', async () => {
    const element = await open();
    TestBed.inject(I18nService).setLocale('en');
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=alternatives]')!.textContent).toContain('one of');
    expect(textOf(element, '[data-test=channel-time]')).toContain('Walk-in');
    expect(textOf(element, '[data-test=service-time]')).toContain('1 working day');
  });

  it('shows when a request received now is due, in total and per step, with the zone', async () => {
    const element = await open();
    const due = textOf(element, '[data-test=due-total]');
    expect(due).toMatch(/Diterima sekarang, selesai paling lambat 9 Jun 2026 09[.:]00 WIB/);
    expect(due).toContain('Asia/Jakarta (WIB)');
    const stepDues = element.querySelectorAll('[data-test=step-due]');
    expect(stepDues.length).toBe(1);
    expect(stepDues[0].textContent).toMatch(/Selesai paling lambat 8 Jun 2026 11[.:]00 WIB/);
    expect(element.querySelector('[data-test=calendar-link]')!.getAttribute('href')).toBe(
      '/kalender/tebingtinggi',
    );
  });

  it('shows target and limit of a range, and says so when the preview fails', async () => {
    const range = {
      ...PREVIEW,
      total: { ...PREVIEW.total, text: '1-2 Hari', limit: '2026-06-10T09:00:00+07:00' },
    };
    let element = await open(SERVICE_DETAIL, undefined, range);
    expect(textOf(element, '[data-test=due-total]')).toMatch(
      /Target 9 Jun 2026 09[.:]00 WIB, batas 10 Jun 2026 09[.:]00 WIB/,
    );
    backend.verify();
    TestBed.resetTestingModule();
    element = await open(SERVICE_DETAIL, undefined, 'fail');
    expect(textOf(element, '[data-test=due-total]')).toContain(
      'Perkiraan batas waktu tidak tersedia',
    );
  });
});
