import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, OpdView, ServiceDetail } from '@sigap/contracts';
import { OFFICES, SERVICE_DETAIL, SUMMARIES } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { CHOSEN_OFFICE_KEY } from '../shared/chosen-office';
import { OpenTicketPage } from './open-ticket.page';

const TT_AGENT: CurrentUser = {
  id: 'u-tt',
  email: 'helpdesk@tebingtinggikota.go.id',
  name: 'Helpdesk Tebing Tinggi',
  roles: ['agent'],
  office: 'tebingtinggi',
  locale: 'id',
};

/** The same agent, with the API's attachment limit (1 MB) from `/auth/me`. */
const TT_AGENT_1MB: CurrentUser = { ...TT_AGENT, uploadMaxBytes: 1024 * 1024 };
const NEW_NUMBER = 'TT-2026-000001';
const UPLOAD_URL = `/api/v1/tickets/${NEW_NUMBER}/attachments`;

/** The Tebing Tinggi standard served only by e-mail. */
const EMAIL_ONLY: ServiceDetail = {
  ...SERVICE_DETAIL,
  standard: {
    ...SERVICE_DETAIL.standard,
    requirements: [
      {
        code: 'r1',
        text: 'Permohonan',
        options: [{ label: 'E-mail', channel: 'email', items: [] }],
      },
    ],
    serviceTime: { text: '1 Hari' },
  },
};

describe('OpenTicketPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(
    user: CurrentUser = TT_AGENT,
    office = 'tebingtinggi',
    service: ServiceDetail = SERVICE_DETAIL,
    chosen: string | null = null,
  ): Promise<HTMLElement> {
    resetStorage(user);
    if (chosen) sessionStorage.setItem(CHOSEN_OFFICE_KEY, chosen);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'tiket/baru', component: OpenTicketPage },
        { path: 'tiket/:number', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tiket/baru');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await settle();
    backend
      .expectOne(`/api/v1/catalog/services?office=${office}`)
      .flush([{ ...SUMMARIES[0], office }]);
    backend.expectOne(`/api/v1/opds?office=${office}`).flush([]);
    await settle();
    backend.expectOne(`/api/v1/catalog/services/${office}/inventarisasi-aplikasi`).flush(service);
    await settle();
    return harness.routeNativeElement!;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function type(element: HTMLElement, test: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`[data-test=${test}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function choose(element: HTMLElement, test: string, label: string): Promise<void> {
    element.querySelector<HTMLElement>(`[data-test=${test}] .mat-mdc-select-trigger`)!.click();
    await settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => o.textContent!.trim() === label,
    );
    option!.click();
    await settle();
  }

  function text(element: HTMLElement, selector: string): string {
    return (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async function submit(element: HTMLElement): Promise<void> {
    element.querySelector<HTMLElement>('[data-test=open-submit]')!.click();
    await settle();
  }

  afterEach(() => {
    backend.verify();
    sessionStorage.removeItem(CHOSEN_OFFICE_KEY);
  });

  it('opens a walk-in ticket for a requester who only gives a phone number', async () => {
    const element = await open();
    type(element, 'open-name', 'Pak Rahmat');
    type(element, 'open-phone', '0621 21234');
    type(element, 'open-subject', 'Data aplikasi dinas');
    await submit(element);
    const request = backend.expectOne('/api/v1/tickets');
    expect(request.request.body).toEqual({
      office: 'tebingtinggi',
      service: 'inventarisasi-aplikasi',
      channel: 'walk-in',
      subject: 'Data aplikasi dinas',
      description: '',
      requester: { name: 'Pak Rahmat', phone: '0621 21234' },
    });
    request.flush({ number: 'TT-2026-00001' });
  });

  it("counts the subject and the description up to the API's limits", async () => {
    const element = await open();
    type(element, 'open-subject', 'Data aplikasi dinas');
    await settle();
    const counts = Array.from(element.querySelectorAll('[data-test=field-count]')).map((c) =>
      c.textContent!.trim(),
    );
    expect(counts).toEqual(['19/300', '0/20000']);
    expect(element.querySelector('[data-test=open-subject]')!.getAttribute('maxlength')).toBe(
      '300',
    );
  });

  it('says that an e-mail or a phone number is needed, and which one for the channel', async () => {
    const element = await open();
    expect(text(element, '[data-test=contact-hint]')).toBe(
      'Isi e-mail atau nomor telepon (salah satu wajib).',
    );
    type(element, 'open-name', 'Pak Rahmat');
    type(element, 'open-subject', 'Data aplikasi dinas');
    await submit(element);
    backend.expectNone('/api/v1/tickets');
    expect(text(element, '[data-test=phone-error]')).toBe(
      'Isi e-mail atau nomor telepon (salah satu wajib).',
    );
    await choose(element, 'open-channel', 'Telepon');
    expect(element.querySelector<HTMLInputElement>('[data-test=open-phone]')!.required).toBeTrue();
    expect(element.querySelector<HTMLInputElement>('[data-test=open-email]')!.required).toBeFalse();
    type(element, 'open-email', 'rahmat@tebingtinggikota.go.id');
    await submit(element);
    backend.expectNone('/api/v1/tickets');
    expect(text(element, '[data-test=phone-error]')).toBe('Wajib untuk kanal telepon');
    type(element, 'open-phone', '0621 21234');
    await submit(element);
    expect(backend.expectOne('/api/v1/tickets').request.body.channel).toBe('phone');
  });

  it('refuses a phone number the API would not take', async () => {
    const element = await open();
    type(element, 'open-name', 'Pak Rahmat');
    type(element, 'open-phone', 'nomor saya');
    type(element, 'open-subject', 'Data aplikasi dinas');
    await submit(element);
    backend.expectNone('/api/v1/tickets');
    expect(text(element, '[data-test=phone-error]')).toBe('Nomor telepon tidak valid');
  });

  it('offers first the channel the service standard serves', async () => {
    const element = await open(TT_AGENT, 'tebingtinggi', EMAIL_ONLY);
    expect(text(element, '[data-test=open-channel]')).toContain('E-mail');
    expect(text(element, '[data-test=channel-hint]')).toBe('Kanal yang dilayani standar: E-mail');
    expect(element.querySelector<HTMLInputElement>('[data-test=open-email]')!.required).toBeTrue();
  });

  it('keeps walk-in when the standard serves it (Tebing Tinggi: letter or walk-in)', async () => {
    const element = await open();
    expect(text(element, '[data-test=open-channel]')).toContain('Datang langsung');
    expect(text(element, '[data-test=channel-hint]')).toBe(
      'Kanal yang dilayani standar: Surat, Datang langsung',
    );
  });

  it("adds the requester's OPD from the form and picks it", async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=new-opd]')!.click();
    await settle();
    type(element, 'new-opd-name', 'Dinas Kesehatan');
    await settle();
    element.querySelector<HTMLElement>('[data-test=add-opd]')!.click();
    const created = backend.expectOne('/api/v1/opds');
    expect(created.request.method).toBe('POST');
    expect(created.request.body).toEqual({
      name: 'Dinas Kesehatan',
      office: 'tebingtinggi',
      emailDomains: [],
    });
    const opd: OpdView = {
      id: 'opd-9',
      office: 'tebingtinggi',
      name: 'Dinas Kesehatan',
      emailDomains: [],
      createdAt: '2026-03-02T00:00:00.000Z',
      updatedAt: '2026-03-02T00:00:00.000Z',
    };
    created.flush(opd);
    await settle();
    expect(text(element, '[data-test=open-opd]')).toContain('Dinas Kesehatan');
    type(element, 'open-name', 'Bu Sari');
    type(element, 'open-email', 'sari@dinkes.go.id');
    type(element, 'open-subject', 'Aplikasi puskesmas');
    await submit(element);
    expect(backend.expectOne('/api/v1/tickets').request.body.requester).toEqual({
      name: 'Bu Sari',
      email: 'sari@dinkes.go.id',
      opdId: 'opd-9',
    });
  });

  it('opens the ticket in the office an admin chose on another page', async () => {
    const admin: CurrentUser = { ...TT_AGENT, id: 'u-admin', roles: ['admin'], office: 'bali' };
    const element = await open(admin, 'tebingtinggi', SERVICE_DETAIL, 'tebingtinggi');
    expect(element.querySelector('[data-test=office-select]')).not.toBeNull();
    type(element, 'open-name', 'Pak Rahmat');
    type(element, 'open-phone', '0621 21234');
    type(element, 'open-subject', 'Data aplikasi dinas');
    await submit(element);
    expect(backend.expectOne('/api/v1/tickets').request.body.office).toBe('tebingtinggi');
  });
  describe('with the documents the requester brought', () => {
    function attach(element: HTMLElement, ...files: File[]): void {
      const input = element.querySelector<HTMLInputElement>('[data-test=attach-input]')!;
      const list = new DataTransfer();
      for (const file of files) list.items.add(file);
      input.files = list.files;
      input.dispatchEvent(new Event('change'));
    }

    function states(element: HTMLElement): (string | null)[] {
      return Array.from(element.querySelectorAll('[data-test=upload]')).map((li) =>
        li.getAttribute('data-state'),
      );
    }

    async function fillAndOpen(element: HTMLElement): Promise<void> {
      type(element, 'open-name', 'Pak Rahmat');
      type(element, 'open-phone', '0621 21234');
      type(element, 'open-subject', 'Data aplikasi dinas');
      await submit(element);
      backend.expectOne('/api/v1/tickets').flush({ number: NEW_NUMBER });
      await settle();
    }

    const KTP = () => new File(['\x89PNG ktp'], 'ktp.png', { type: 'image/png' });
    const LETTER = () => new File(['%PDF-1.4 surat'], 'surat permohonan.pdf');

    it('holds the files until the ticket is opened, uploads them to it, then opens it', async () => {
      const element = await open(TT_AGENT_1MB);
      attach(element, KTP(), LETTER());
      await settle();
      // Nothing is sent before there is a ticket to send it to.
      backend.expectNone(UPLOAD_URL);
      expect(states(element)).toEqual(['waiting', 'waiting']);
      expect(text(element, '[data-test=upload-limit]')).toBe('Tiap berkas paling besar 1.0 MB.');
      await fillAndOpen(element);
      const uploads = backend.match(UPLOAD_URL);
      expect(uploads.length).toBe(2);
      expect(
        uploads.map((u) => (u.request.body as FormData).get('file') as File).map((f) => f.name),
      ).toEqual(['ktp.png', 'surat permohonan.pdf']);
      uploads[0].event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
      await settle();
      expect(text(element, '[data-test=upload-percent]')).toBe('50%');
      expect(text(element, '[data-test=opened]')).toContain(
        `Tiket ${NEW_NUMBER} sudah dibuka. Dokumen sedang diunggah`,
      );
      // The form cannot open a second ticket for the same visit.
      expect(element.querySelector('[data-test=open-submit]')).toBeNull();
      const router = TestBed.inject(Router);
      uploads[0].flush({ id: 'a-1', ticket: NEW_NUMBER, fileName: 'ktp.png' });
      await settle();
      expect(router.url).toBe('/tiket/baru');
      uploads[1].flush({ id: 'a-2', ticket: NEW_NUMBER, fileName: 'surat permohonan.pdf' });
      await settle();
      expect(router.url).toBe(`/tiket/${NEW_NUMBER}`);
    });

    it('refuses a file over the limit before upload, and holds the form until it is removed', async () => {
      const element = await open(TT_AGENT_1MB);
      const big = new File([new Uint8Array(1024 * 1024 + 1)], 'scan besar.pdf');
      attach(element, big);
      await settle();
      expect(states(element)).toEqual(['failed']);
      expect(text(element, '[data-test=upload-error]')).toBe(
        'Terlalu besar (1.0 MB); batasnya 1.0 MB. Tidak diunggah.',
      );
      expect(text(element, '[data-test=upload-blocked]')).toBe(
        'Buang berkas yang gagal sebelum membuka tiket.',
      );
      // Refused here: no retry, nothing sent, and no ticket opened while it is listed.
      expect(element.querySelector('[data-test=upload-retry]')).toBeNull();
      const button = element.querySelector<HTMLButtonElement>('[data-test=open-submit]')!;
      expect(button.disabled).toBeTrue();
      type(element, 'open-name', 'Pak Rahmat');
      type(element, 'open-phone', '0621 21234');
      type(element, 'open-subject', 'Data aplikasi dinas');
      element.querySelector<HTMLFormElement>('[data-test=open-form]')!.requestSubmit();
      await settle();
      backend.expectNone('/api/v1/tickets');
      element.querySelector<HTMLElement>('[data-test=upload-remove]')!.click();
      await settle();
      expect(states(element)).toEqual([]);
      expect(button.disabled).toBeFalse();
      await submit(element);
      backend.expectOne('/api/v1/tickets').flush({ number: NEW_NUMBER });
      await settle();
      expect(TestBed.inject(Router).url).toBe(`/tiket/${NEW_NUMBER}`);
    });

    it('keeps the opened ticket and a failed file on screen, and sends the file again', async () => {
      const element = await open(TT_AGENT_1MB);
      attach(element, LETTER());
      await settle();
      await fillAndOpen(element);
      backend
        .expectOne(UPLOAD_URL)
        .flush(
          { title: 'Lampiran ditolak', status: 503 },
          { status: 503, statusText: 'Unavailable' },
        );
      await settle();
      const router = TestBed.inject(Router);
      expect(router.url).toBe('/tiket/baru');
      expect(states(element)).toEqual(['failed']);
      expect(text(element, '[data-test=opened-failed]')).toBe(
        `Tiket ${NEW_NUMBER} sudah dibuka, tetapi ada dokumen yang gagal diunggah. Coba lagi atau buang berkasnya.`,
      );
      expect(element.querySelector('[data-test=opened-link]')!.getAttribute('href')).toBe(
        `/tiket/${NEW_NUMBER}`,
      );
      expect(element.querySelector('[data-test=open-submit]')).toBeNull();
      element.querySelector<HTMLElement>('[data-test=upload-retry]')!.click();
      await settle();
      backend.expectNone('/api/v1/tickets');
      const again = backend.expectOne(UPLOAD_URL);
      expect(((again.request.body as FormData).get('file') as File).name).toBe(
        'surat permohonan.pdf',
      );
      again.flush({ id: 'a-1', ticket: NEW_NUMBER, fileName: 'surat permohonan.pdf' });
      await settle();
      expect(router.url).toBe(`/tiket/${NEW_NUMBER}`);
    });
  });
});
