import { HttpHeaders } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@sigap/contracts';
import { OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { EvaluationReportPage, fileNameOf } from './evaluation-report.page';

const MANAGER: CurrentUser = {
  id: 'u-kadis',
  email: 'kadis.bali@sigap.local',
  name: 'Kepala Dinas',
  roles: ['manager'],
  office: 'bali',
  locale: 'id',
};
const ADMIN: CurrentUser = { ...MANAGER, id: 'u-admin', roles: ['admin'], office: null };

const isReport = (r: { url: string }) => r.url === '/api/v1/reports/evaluation';
const isPack = (r: { url: string }) => r.url === '/api/v1/reports/evidence-pack';

describe('EvaluationReportPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let clicked: string[];

  async function open(user: CurrentUser): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'laporan', component: EvaluationReportPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    clicked = [];
    spyOn(URL, 'createObjectURL').and.returnValue('blob:laporan');
    spyOn(URL, 'revokeObjectURL');
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/laporan');
    return harness.routeNativeElement!;
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function choose(root: HTMLElement, selector: string, optionText: string) {
    root.querySelector<HTMLElement>(`${selector} .mat-mdc-select-trigger`)!.click();
    await harness.fixture.whenStable();
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (o) => o.textContent?.trim() === optionText,
    );
    expect(option).withContext(optionText).toBeDefined();
    option!.click();
    await harness.fixture.whenStable();
  }

  async function submit(root: HTMLElement): Promise<void> {
    root.querySelector<HTMLButtonElement>('[data-test=report-download]')!.click();
    await harness.fixture.whenStable();
  }

  function pdf(req: TestRequest, name: string): void {
    req.flush(new Blob(['%PDF-1.3'], { type: 'application/pdf' }), {
      headers: new HttpHeaders({ 'content-disposition': `attachment; filename="${name}"` }),
    });
  }

  afterEach(() => backend.verify());

  it('a manager downloads the monthly report of their office in Bahasa Indonesia', async () => {
    const element = await open(MANAGER);
    expect(textOf(element, 'h1')).toBe('Laporan Evaluasi Kinerja Pelayanan');
    expect(element.querySelector('[data-test=report-office]')).toBeNull();
    type(element, '[data-test=report-month]', '2026-10');
    await submit(element);
    const req = backend.expectOne(isReport);
    expect(req.request.params.get('period')).toBe('month');
    expect(req.request.params.get('month')).toBe('2026-10');
    expect(req.request.params.get('lang')).toBe('id');
    expect(req.request.params.has('year')).toBeFalse();
    expect(req.request.params.has('office')).toBeFalse();
    expect(req.request.responseType).toBe('blob');
    pdf(req, 'laporan-evaluasi-BALI-2026-10.pdf');
    await harness.fixture.whenStable();
    expect(clicked).toEqual(['laporan-evaluasi-BALI-2026-10.pdf']);
  });

  it('an admin picks the office, a yearly period and English', async () => {
    const element = await open(ADMIN);
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    await choose(element, '[data-test=report-office]', OFFICES[1].name);
    await choose(element, '[data-test=report-period]', 'Tahunan');
    await choose(element, '[data-test=report-lang]', 'English');
    expect(element.querySelector('[data-test=report-month]')).toBeNull();
    type(element, '[data-test=report-year]', '2025');
    await submit(element);
    const req = backend.expectOne(isReport);
    expect(req.request.params.get('office')).toBe(OFFICES[1].code);
    expect(req.request.params.get('period')).toBe('year');
    expect(req.request.params.get('year')).toBe('2025');
    expect(req.request.params.get('lang')).toBe('en');
    expect(req.request.params.has('month')).toBeFalse();
    pdf(req, `laporan-evaluasi-${OFFICES[1].code.toUpperCase()}-2025.pdf`);
    await harness.fixture.whenStable();
    expect(clicked).toEqual([`laporan-evaluasi-${OFFICES[1].code.toUpperCase()}-2025.pdf`]);
  });

  it('checks the month before asking and shows the problem the API answers', async () => {
    const element = await open(MANAGER);
    type(element, '[data-test=report-month]', '');
    await submit(element);
    backend.expectNone(isReport);
    expect(textOf(element, '[data-test=report-invalid]')).toBe('Pilih bulan (YYYY-MM).');

    type(element, '[data-test=report-month]', '2026-09');
    await submit(element);
    const problem = {
      type: 'urn:sigap:problem:reports.forbidden',
      title: 'Akses ditolak',
      status: 403,
      code: 'reports.forbidden',
      detail: 'Laporan kantor lain tidak dapat diunduh.',
    };
    backend
      .expectOne(isReport)
      .flush(new Blob([JSON.stringify(problem)], { type: 'application/problem+json' }), {
        status: 403,
        statusText: 'Forbidden',
      });
    // The problem is read from the Blob asynchronously: wait for it (a busy machine needs more
    // than a few milliseconds).
    for (let i = 0; i < 100 && !element.querySelector('[data-test=report-invalid]'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      await harness.fixture.whenStable();
    }
    expect(textOf(element, '[data-test=report-invalid]')).toBe(
      'Akses ditolak: Laporan kantor lain tidak dapat diunduh.',
    );
    expect(clicked).toEqual([]);
  });
  it('a manager prints the evidence pack of the chosen months as PDF and XLSX', async () => {
    const element = await open(MANAGER);
    expect(textOf(element, '#evidence-title')).toBe('Bukti dukung evaluasi SPBE');
    type(element, '[data-test=evidence-from]', '2026-01');
    type(element, '[data-test=evidence-to]', '2026-06');
    element.querySelector<HTMLButtonElement>('[data-test=evidence-pdf]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne(isPack);
    expect(req.request.params.get('from')).toBe('2026-01');
    expect(req.request.params.get('to')).toBe('2026-06');
    expect(req.request.params.get('format')).toBe('pdf');
    expect(req.request.params.has('office')).toBeFalse();
    expect(req.request.responseType).toBe('blob');
    pdf(req, 'bukti-dukung-spbe-BALI-2026-01-2026-06.pdf');
    await harness.fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=evidence-xlsx]')!.click();
    await harness.fixture.whenStable();
    const xlsx = backend.expectOne(isPack);
    expect(xlsx.request.params.get('format')).toBe('xlsx');
    xlsx.flush(new Blob(['PK']), {
      headers: new HttpHeaders({
        'content-disposition': 'attachment; filename="bukti-dukung-spbe-BALI-2026-01-2026-06.xlsx"',
      }),
    });
    await harness.fixture.whenStable();
    expect(clicked).toEqual([
      'bukti-dukung-spbe-BALI-2026-01-2026-06.pdf',
      'bukti-dukung-spbe-BALI-2026-01-2026-06.xlsx',
    ]);
  });

  it('checks the months of the evidence pack before asking', async () => {
    const element = await open(MANAGER);
    type(element, '[data-test=evidence-from]', '2026-07');
    type(element, '[data-test=evidence-to]', '2026-06');
    element.querySelector<HTMLButtonElement>('[data-test=evidence-pdf]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone(isPack);
    expect(textOf(element, '[data-test=evidence-invalid]')).toContain('Pilih bulan awal dan akhir');
    expect(clicked).toEqual([]);
  });
});

describe('fileNameOf', () => {
  it('reads the file name from the response header', () => {
    expect(fileNameOf('attachment; filename="laporan-evaluasi-BALI-2026.pdf"', 'x.pdf')).toBe(
      'laporan-evaluasi-BALI-2026.pdf',
    );
    expect(fileNameOf(null, 'x.pdf')).toBe('x.pdf');
  });
});
