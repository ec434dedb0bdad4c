import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ServiceStandard } from '@sigap/standards';
import { ADMIN, IMPORT_RESULT, OFFICES, SERVICE_DETAIL } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { ImportPage, slugify, splitCodes } from './import.page';

describe('ImportPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function open(): Promise<void> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'katalog/impor', component: ImportPage },
        { path: 'katalog/:office/:code', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/katalog/impor');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    element = harness.routeNativeElement!;
  }

  function type(selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`No field matches "${selector}"`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function click(selector: string): void {
    const target = element.querySelector<HTMLElement>(selector);
    if (!target) throw new Error(`Nothing to click at "${selector}"`);
    (target.querySelector('button') ?? target).click();
  }

  async function readDraft(format: 'text' | 'markdown' | 'html', text: string): Promise<void> {
    click(`[data-test=format-${format}]`);
    type('[data-test=source-text]', text);
    click('[data-test=read]');
    await harness.fixture.whenStable();
  }

  afterEach(() => backend.verify());

  for (const [format, contentType] of [
    ['text', 'text/plain'],
    ['markdown', 'text/markdown'],
    ['html', 'text/html'],
  ] as const) {
    it(`sends ${format} as a raw body with Content-Type ${contentType}`, async () => {
      await open();
      const text = format === 'html' ? '<h1>Inventarisasi Aplikasi</h1>' : 'Inventarisasi Aplikasi';
      await readDraft(format, text);
      const request = backend.expectOne('/api/v1/catalog/import');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toBe(text);
      expect(request.request.headers.get('Content-Type')).toBe(`${contentType}; charset=utf-8`);
      request.flush(IMPORT_RESULT);
    });
  }

  it('sends nothing without text', async () => {
    await open();
    click('[data-test=read]');
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/catalog/import');
    expect(element.textContent).toContain('Tempel teks standar terlebih dahulu');
  });

  it('shows the warnings and the draft to review', async () => {
    await open();
    await readDraft('text', 'Inventarisasi Aplikasi ...');
    backend.expectOne('/api/v1/catalog/import').flush(IMPORT_RESULT);
    await harness.fixture.whenStable();
    const warnings = element.querySelectorAll('[data-test=warning]');
    expect(warnings.length).toBe(2);
    expect(warnings[1].textContent).toContain('atang Langsung');
    expect(element.querySelector<HTMLInputElement>('[data-test=name]')!.value).toBe(
      'Inventarisasi Aplikasi',
    );
    expect(element.querySelector<HTMLInputElement>('[data-test=code]')!.value).toBe(
      'inventarisasi-aplikasi',
    );
    expect(element.querySelectorAll('fieldset.step').length).toBe(3);
    // Every text the API limits shows its count against the limit, and takes no more.
    const name = element.querySelector<HTMLInputElement>('[data-test=name]')!;
    expect(name.getAttribute('maxlength')).toBe('300');
    const counts = Array.from(element.querySelectorAll('[data-test=field-count]')).map((e) =>
      e.textContent!.trim(),
    );
    expect(counts[0]).toBe('22/300');
    expect(counts.some((c) => c.endsWith('/2000'))).toBeTrue();
    expect(counts.some((c) => c.endsWith('/4000'))).toBeTrue();
  });

  it('posts the corrected draft and opens the saved service', async () => {
    await open();
    await readDraft('text', 'Inventarisasi Aplikasi ...');
    backend.expectOne('/api/v1/catalog/import').flush(IMPORT_RESULT);
    await harness.fixture.whenStable();

    type('[data-test=name]', 'Inventarisasi Aplikasi OPD');
    type('[data-test=requirement-1]', 'Hadir langsung dengan identitas');
    type('[data-test=step-2] input[formcontrolname=executors]', 'opd-pemohon, tim-teknis');
    type('[data-test=step-2] input[formcontrolname=time]', '1 Hari');
    click('[data-test=save]');
    await harness.fixture.whenStable();

    const request = backend.expectOne('/api/v1/catalog/services');
    expect(request.request.method).toBe('POST');
    const sent = request.request.body as ServiceStandard;
    expect(sent.office).toBe('tebingtinggi');
    expect(sent.name).toBe('Inventarisasi Aplikasi OPD');
    expect(sent.code).toBe('inventarisasi-aplikasi');
    expect(sent.requirements.map((r) => r.text)).toEqual([
      'Surat permohonan',
      'Hadir langsung dengan identitas',
    ]);
    expect(sent.steps.length).toBe(3);
    expect(sent.steps[2].executors).toEqual(['opd-pemohon', 'tim-teknis']);
    expect(sent.steps[2].time).toBe('1 Hari');
    // What the page does not edit travels unchanged from the draft.
    expect(sent.complaintChannels).toEqual(IMPORT_RESULT.draft.complaintChannels);
    expect(sent.serviceTime.byChannel).toEqual(IMPORT_RESULT.draft.serviceTime.byChannel);
    request.flush(SERVICE_DETAIL);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/katalog/tebingtinggi/inventarisasi-aplikasi');
  });

  it('shows validation errors from the API beside their fields', async () => {
    await open();
    await readDraft('markdown', '# Inventarisasi');
    backend.expectOne('/api/v1/catalog/import').flush(IMPORT_RESULT);
    await harness.fixture.whenStable();
    click('[data-test=save]');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/catalog/services').flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 422,
        code: 'validation.failed',
        errors: [
          { path: 'steps[1].time', message: 'waktu tidak terbaca: "sebentar"' },
          { path: 'code', message: 'kode sudah dipakai' },
          { path: 'internal.staffCount', message: 'harus berupa teks' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=error-steps-1-time]')!.textContent).toContain(
      'waktu tidak terbaca',
    );
    expect(element.querySelector('[data-test=error-code]')!.textContent).toContain(
      'kode sudah dipakai',
    );
    expect(element.querySelector('[data-test=other-errors]')!.textContent).toContain(
      'internal.staffCount',
    );
    expect(document.body.textContent).toContain('Data tidak valid');
    expect(TestBed.inject(Router).url).toBe('/katalog/impor');
  });

  it('does not post an invalid form', async () => {
    await open();
    await readDraft('text', 'x');
    backend.expectOne('/api/v1/catalog/import').flush(IMPORT_RESULT);
    await harness.fixture.whenStable();
    type('[data-test=code]', 'Bukan Slug!');
    click('[data-test=save]');
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/catalog/services');
    expect(element.textContent).toContain('Gunakan huruf kecil, angka dan tanda hubung');
  });

  it('shows why the text could not be read', async () => {
    await open();
    await readDraft('text', 'bukan standar');
    backend.expectOne('/api/v1/catalog/import').flush(
      {
        type: 'about:blank',
        title: 'Teks tidak dapat dibaca',
        status: 400,
        detail: 'Bagian "Persyaratan" tidak ditemukan',
        code: 'import.unreadable',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=read-error]')!.textContent).toContain(
      'Bagian "Persyaratan" tidak ditemukan',
    );
  });
});

describe('import helpers', () => {
  it('makes a slug of a service name', () => {
    expect(slugify('Pembuatan Subdomain & Hosting')).toBe('pembuatan-subdomain-hosting');
    expect(slugify('  Évaluasi  SPBE 2026 ')).toBe('evaluasi-spbe-2026');
  });

  it('splits position codes', () => {
    expect(splitCodes('kadis, tim-teknis ,,')).toEqual(['kadis', 'tim-teknis']);
    expect(splitCodes('')).toEqual([]);
  });
});
