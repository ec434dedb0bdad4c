import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FileComplaintResponse, PublicOffice, PublicOfficeDetail } from '@sigap/contracts';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ComplaintFormComponent } from './complaint-form.component';

const OFFICES: PublicOffice[] = [
  {
    code: 'bali',
    name: 'Diskominfos Provinsi Bali',
    timeZone: 'Asia/Makassar',
    zone: 'WITA',
    address: null,
    website: null,
    serviceCount: 1,
  },
];

const BALI: PublicOfficeDetail = {
  office: OFFICES[0],
  services: [
    {
      code: 'pengembangan-aplikasi',
      name: 'Pengembangan Aplikasi',
      kind: 'sop',
      serviceTime: '28 s.d. 29 hari kerja',
      cost: '',
      free: true,
    },
  ],
  performance: {
    from: '2025-05-11',
    to: '2026-05-11',
    finished: 0,
    withinTime: 0,
    compliancePercent: null,
    complaints: 0,
    complaintsAnsweredInTime: 0,
    ikm: null,
  },
  complaintTiers: [{ name: 'Standar SP4N-LAPOR!', description: null, workingDays: 5 }],
};

describe('ComplaintFormComponent', () => {
  let backend: HttpTestingController;
  let host: HTMLElement;
  let fixture: ReturnType<typeof TestBed.createComponent<ComplaintFormComponent>>;

  async function create(inputs: Record<string, unknown> = { office: 'bali' }): Promise<void> {
    resetStorage();
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ComplaintFormComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    TestBed.tick();
    // Requests in flight keep the fixture unstable: answer them before waiting.
    backend.expectOne('/api/v1/public/offices').flush(OFFICES);
    TestBed.tick();
    backend.expectOne('/api/v1/public/offices/bali').flush(BALI);
    await fixture.whenStable();
    fixture.detectChanges();
    host = fixture.nativeElement as HTMLElement;
  }

  function type(selector: string, value: string): void {
    const input = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function submit(): void {
    host
      .querySelector<HTMLFormElement>('[data-test="complaint-form"]')
      ?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  }

  function fill(): void {
    type('[data-test="cf-name"]', 'I Made Wirawan');
    type('[data-test="cf-email"]', 'made@example.id');
    type('[data-test="cf-text"]', 'Aplikasi tidak dapat diakses sejak minggu lalu.');
  }

  afterEach(() => backend.verify());

  it('sends nothing while required fields are empty, and says which', async () => {
    await create();
    submit();
    fixture.detectChanges();
    const errors = [...host.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toContain('Wajib diisi');
    expect(errors.length).toBeGreaterThanOrEqual(3);
    backend.expectNone('/api/v1/public/complaints');
  });

  it('files the complaint and shows its number and the answer due in office time', async () => {
    await create();
    fill();
    type('[data-test="cf-related"]', 'bali-2026-000123');
    let filed: FileComplaintResponse | null = null;
    fixture.componentInstance.filed.subscribe((answer) => (filed = answer));
    submit();
    const call = backend.expectOne('/api/v1/public/complaints');
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toEqual({
      office: 'bali',
      category: 'pengaduan',
      name: 'I Made Wirawan',
      email: 'made@example.id',
      text: 'Aplikasi tidak dapat diakses sejak minggu lalu.',
      relatedTicket: 'BALI-2026-000123',
    });
    const answer: FileComplaintResponse = {
      number: 'ADUBALI-2026-000007',
      category: 'pengaduan',
      office: 'bali',
      dueAt: '2026-05-20T02:00:00.000Z',
      timeZone: 'Asia/Makassar',
      tier: { code: 'sp4n-lapor', name: 'Standar SP4N-LAPOR!', workingDays: 5 },
      trackPath: '/lacak/tok-7',
    };
    call.flush(answer, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    fixture.detectChanges();
    const done = textOf(host, '[data-test="complaint-done"]');
    expect(done).toContain('ADUBALI-2026-000007');
    expect(done).toContain('20 Mei 2026 10.00 WITA');
    expect(filed).toEqual(answer as never);
    // The confirmation carries the tracking link, as the acknowledgement mail does.
    const track = host.querySelector<HTMLAnchorElement>('[data-test="complaint-track"]');
    expect(track?.getAttribute('href')).toBe('/lacak/tok-7');
    expect(track?.textContent?.trim()).toBe('Lacak pengaduan');
  });

  it('shows how much of each limit is used while typing, and stops at the limit', async () => {
    await create();
    expect(textOf(host, '[data-test="cf-text-count"]')).toBe('0/5000');
    fill();
    fixture.detectChanges();
    expect(textOf(host, '[data-test="cf-text-count"]')).toBe('47/5000');
    expect(textOf(host, '[data-test="cf-name-count"]')).toBe('14/200');
    expect(host.querySelector('[data-test="cf-text"]')?.getAttribute('maxlength')).toBe('5000');
    expect(host.querySelector('[data-test="cf-name"]')?.getAttribute('maxlength')).toBe('200');
  });

  it('brings the first refused field into view and focuses it', async () => {
    await create();
    type('[data-test="cf-email"]', 'made@example.id');
    submit();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(host.querySelector('[data-test="cf-name"]'));
    backend.expectNone('/api/v1/public/complaints');

    // A field the server refuses is focused too.
    fill();
    type('[data-test="cf-related"]', 'RIAU-2026-000001');
    (document.activeElement as HTMLElement | null)?.blur();
    submit();
    backend.expectOne('/api/v1/public/complaints').flush(
      {
        title: 'Tidak dapat diproses',
        status: 422,
        code: 'complaint.related_not_found',
        errors: [{ path: 'relatedTicket', message: 'tidak ditemukan di kantor ini' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(host.querySelector('[data-test="cf-related"]'));
  });

  it('puts the server field errors on their fields, and a clear message on 429', async () => {
    await create();
    fill();
    type('[data-test="cf-related"]', 'RIAU-2026-000001');
    submit();
    backend.expectOne('/api/v1/public/complaints').flush(
      {
        title: 'Tidak dapat diproses',
        status: 422,
        code: 'complaint.related_not_found',
        errors: [{ path: 'relatedTicket', message: 'tidak ditemukan di kantor ini' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(textOf(host, 'mat-error')).toBe('tidak ditemukan di kantor ini');

    type('[data-test="cf-related"]', '');
    submit();
    backend
      .expectOne('/api/v1/public/complaints')
      .flush(
        { title: 'Terlalu banyak', status: 429, code: 'complaint.rate_limited' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(textOf(host, '[data-test="cf-failure"]')).toBe(
      'Terlalu banyak pengiriman. Coba lagi nanti.',
    );
  });

  it('locks the office for the portal and fills the known requester', async () => {
    await create({ office: 'bali', lockOffice: true, name: 'Ni Luh', email: 'niluh@opd.go.id' });
    type('[data-test="cf-text"]', 'Mohon jadwal layanan diumumkan.');
    submit();
    const call = backend.expectOne('/api/v1/public/complaints');
    expect(call.request.body.office).toBe('bali');
    expect(call.request.body.name).toBe('Ni Luh');
    expect(call.request.body.email).toBe('niluh@opd.go.id');
    call.flush({
      number: 'ADUBALI-2026-000008',
      category: 'pengaduan',
      office: 'bali',
      dueAt: null,
      timeZone: 'Asia/Makassar',
      trackPath: '/lacak/tok-8',
    });
  });
});
