import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PublicOffice, PublicStatusResponse, ServiceHealth } from '@sigap/contracts';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { I18nService } from '../i18n/i18n.service';
import { PUBLIC_ROUTES } from './public.routes';

const OFFICE: PublicOffice = {
  code: 'bali',
  name: 'Diskominfos Provinsi Bali',
  timeZone: 'Asia/Makassar',
  zone: 'WITA',
  address: null,
  website: null,
  serviceCount: 3,
};

/** 90 days ending 7 December 2026, normal but for the given days. */
function history(bad: Record<string, ServiceHealth> = {}) {
  const end = Date.UTC(2026, 11, 7);
  return Array.from({ length: 90 }, (_, i) => {
    const date = new Date(end - (89 - i) * 86_400_000).toISOString().slice(0, 10);
    return { date, state: bad[date] ?? ('normal' as ServiceHealth) };
  });
}

const STATUS: PublicStatusResponse = {
  office: { code: 'bali', name: OFFICE.name, timeZone: 'Asia/Makassar', zone: 'WITA' },
  state: 'major',
  generatedAt: '2026-12-07T02:00:00.000Z',
  services: [
    {
      code: 'email-dinas',
      name: 'E-mail Dinas',
      kind: 'email',
      state: 'partial',
      incidents: [
        {
          title: 'Pengiriman e-mail tertunda',
          summary: 'Antrean sedang dipulihkan.',
          state: 'partial',
          since: '2026-12-05T14:00:00.000Z',
        },
      ],
      history: history({
        '2026-12-05': 'partial',
        '2026-12-06': 'partial',
        '2026-12-07': 'partial',
      }),
    },
    {
      code: 'pusat-data',
      name: 'Pusat Data',
      kind: 'data-centre',
      state: 'major',
      incidents: [
        {
          title: 'Gangguan Pusat Data',
          summary: 'Sedang ditangani',
          state: 'major',
          since: '2026-12-07T01:00:00.000Z',
        },
      ],
      history: history({ '2026-12-07': 'major' }),
    },
    {
      code: 'web-pemprov',
      name: 'Website Pemprov',
      kind: 'website',
      state: 'normal',
      incidents: [],
      history: history({ '2026-11-20': 'major' }),
    },
  ],
};

describe('public status page', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url: string): Promise<void> {
    resetStorage();
    // No sign-in: the test providers hold no session.
    TestBed.configureTestingModule({ providers: consoleTestProviders([...PUBLIC_ROUTES]) });
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

  it('renders without a sign-in: state now, plain words, and a 90-day strip per service', async () => {
    await open('/status-layanan?office=bali');
    backend.expectOne('/api/v1/public/offices').flush([OFFICE]);
    const req = backend.expectOne((r) => r.url === '/api/v1/public/status');
    expect(req.request.params.get('office')).toBe('bali');
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush(STATUS);
    const page = await settle();

    expect(textOf(page, '[data-test="status-overall"]')).toContain(
      'Ada layanan yang mengalami gangguan besar',
    );
    expect(textOf(page, '[data-test="status-overall"]')).toContain('WITA');
    const states = [...page.querySelectorAll('[data-test="status-state"]')].map((e) =>
      e.textContent?.trim(),
    );
    expect(states).toEqual(['Gangguan sebagian', 'Gangguan besar', 'Normal']);
    const email = page.querySelector('[data-test="status-email-dinas"]') as HTMLElement;
    expect(textOf(email, '[data-test="status-incident"]')).toContain('Pengiriman e-mail tertunda');
    expect(textOf(email, '[data-test="status-incident"]')).toContain('Antrean sedang dipulihkan.');
    // 5 December 22.00 WITA.
    expect(textOf(email, '[data-test="status-incident"]')).toContain('22.00 WITA');
    const web = page.querySelector('[data-test="status-web-pemprov"]') as HTMLElement;
    expect(web.querySelector('[data-test="status-incident"]')).toBeNull();
    const days = web.querySelectorAll('[data-test="status-history"] .day');
    expect(days.length).toBe(90);
    const major = [...days].filter((d) => d.classList.contains('major'));
    expect(major.length).toBe(1);
    expect(major[0].getAttribute('title')).toContain('Gangguan besar');
    expect(major[0].getAttribute('title')).toContain('20');
    expect(web.querySelector('[data-test="status-history"]')?.getAttribute('aria-label')).toContain(
      '0 hari gangguan sebagian, 1 hari gangguan besar',
    );

    TestBed.inject(I18nService).setLocale('en');
    harness.fixture.detectChanges();
    expect(textOf(page, '[data-test="status-overall"]')).toContain('A service has a major outage');
  });

  it('offers the offices when none is chosen, and reads ?kantor= too', async () => {
    await open('/status-layanan');
    backend.expectOne('/api/v1/public/offices').flush([OFFICE]);
    backend.expectNone((r) => r.url === '/api/v1/public/status');
    let page = await settle();
    expect(textOf(page, '[data-test="status-choose"]')).toContain('Pilih kantor');

    await harness.navigateByUrl('/status-layanan?kantor=bali');
    backend
      .expectOne((r) => r.url === '/api/v1/public/status' && r.params.get('office') === 'bali')
      .flush({ ...STATUS, state: 'normal', services: [] });
    page = await settle();
    expect(textOf(page, '[data-test="status-overall"]')).toContain('Semua layanan berjalan normal');
    expect(textOf(page, '[data-test="status-empty"]')).toContain('belum menampilkan layanan');
  });

  it('says so when the office is unknown', async () => {
    await open('/status-layanan?office=tidak-ada');
    backend.expectOne('/api/v1/public/offices').flush([OFFICE]);
    backend
      .expectOne((r) => r.url === '/api/v1/public/status')
      .flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
    const page = await settle();
    expect(textOf(page, '[data-test="status-error"]')).toBe('Kantor tidak ditemukan.');
  });
});
