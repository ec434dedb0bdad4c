import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN, AGENT, OFFICES, SUMMARIES } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { ServicesListPage } from './services-list.page';

describe('ServicesListPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url = '/katalog', user = AGENT): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'katalog', component: ServicesListPage },
        { path: 'katalog/impor', component: BlankComponent },
        { path: 'katalog/:office/:code', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it("lists the user's office by default with time, counts, version and status", async () => {
    const element = await open();
    const request = backend.expectOne('/api/v1/catalog/services?office=tebingtinggi');
    expect(request.request.headers.get('Authorization')).toBe('Bearer tok-123');
    request.flush(SUMMARIES);
    await harness.fixture.whenStable();

    const rows = element.querySelectorAll('[data-test=service-row]');
    expect(rows.length).toBe(2);
    const cells = Array.from(rows[0].querySelectorAll('td')).map((cell) =>
      cell.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(cells[0]).toBe('Inventarisasi Aplikasi');
    expect(cells[1]).toBe('1 Hari (1 hari kerja)');
    expect(cells.slice(2, 5)).toEqual(['1', '12', '2']);
    expect(cells[5]).toBe('Aktif');
    expect(cells[6]).toMatch(/12 Mar 2026 09[.:]30 WIB/);
    expect(rows[1].textContent).toContain('Tidak berlaku');
    const link = rows[0].querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/katalog/tebingtinggi/inventarisasi-aplikasi');
    expect(element.querySelector('a[href="/katalog/impor"]')).toBeNull();
  });

  it('lists another office chosen in the address, in its own zone', async () => {
    const element = await open('/katalog?kantor=bali');
    backend
      .expectOne('/api/v1/catalog/services?office=bali')
      .flush([{ ...SUMMARIES[0], office: 'bali' }]);
    await harness.fixture.whenStable();
    expect(element.textContent).toMatch(/12 Mar 2026 10[.:]30 WITA/);
  });

  it('reloads when another office is chosen', async () => {
    await open();
    backend.expectOne('/api/v1/catalog/services?office=tebingtinggi').flush(SUMMARIES);
    await TestBed.inject(Router).navigateByUrl('/katalog?kantor=bali');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement!.querySelector('[data-test=empty]')!.textContent).toContain(
      'Belum ada layanan',
    );
  });

  it('shows the API problem in a snack bar and offers a retry', async () => {
    const element = await open();
    backend.expectOne('/api/v1/catalog/services?office=tebingtinggi').flush(
      {
        type: 'about:blank',
        title: 'Kantor tidak dikenal',
        status: 404,
        detail: 'Tidak ada kantor dengan kode "tebingtinggi"',
        code: 'office.not_found',
      },
      {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/problem+json' },
      },
    );
    await harness.fixture.whenStable();
    expect(document.body.textContent).toContain(
      'Kantor tidak dikenal: Tidak ada kantor dengan kode "tebingtinggi"',
    );
    const retry = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent!.includes('Coba lagi'),
    )!;
    retry.click();
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/catalog/services?office=tebingtinggi').flush(SUMMARIES);
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=service-row]').length).toBe(2);
  });

  it('offers the import to admins', async () => {
    const element = await open('/katalog', ADMIN);
    backend.expectOne('/api/v1/catalog/services?office=tebingtinggi').flush([]);
    await harness.fixture.whenStable();
    expect(element.querySelector('a[href="/katalog/impor"]')).not.toBeNull();
  });
});
