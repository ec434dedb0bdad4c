import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PortalRequestDetail, PortalTrackingView } from '@sigap/contracts';
import { ADMIN, PORTAL_ME } from '../../testing/fixtures';
import {
  BlankComponent,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { PortalApi, csrfFromCookie } from './portal.api';
import { PortalNewRequestPage } from './new-request.page';
import { PortalRequestPage } from './request.page';
import { PortalSignInPage } from './sign-in.page';
import { PortalTrackPage } from './track.page';

function detail(over: Partial<PortalRequestDetail> = {}): PortalRequestDetail {
  return {
    number: 'GTLO-2026-000007',
    subject: 'Aplikasi e-Puskesmas',
    service: 'pengembangan-aplikasi',
    serviceName: 'Pengembangan Aplikasi',
    status: 'waiting',
    slaState: 'paused',
    dueAt: '2026-03-20T07:00:00.000Z',
    createdAt: '2026-03-02T01:00:00.000Z',
    requesterName: 'Ani Rahmawati',
    currentSteps: [
      {
        order: 2,
        description: 'Verifikasi berkas',
        position: 'Tim Kerja Helpdesk',
        requesterSide: false,
      },
    ],
    missing: 1,
    description: 'Usulan',
    office: PORTAL_ME.office,
    checklist: [
      {
        code: 'r1',
        text: 'Surat permohonan',
        optional: false,
        status: 'verified',
        reason: null,
        files: [],
      },
      {
        code: 'r3',
        text: 'BPMN',
        optional: false,
        status: 'rejected',
        reason: 'Belum ada alur persetujuan',
        files: [],
      },
    ],
    messages: [],
    canAnswer: true,
    uploadMaxBytes: 1024 * 1024,
    ...over,
  };
}

describe('csrfFromCookie', () => {
  it('finds the portal CSRF cookie among others, decoded', () => {
    expect(csrfFromCookie('a=1; sigap_portal_csrf=abc%2Bd; b=2')).toBe('abc+d');
    expect(csrfFromCookie('a=1')).toBeNull();
    expect(csrfFromCookie('')).toBeNull();
  });
});

describe('PortalApi', () => {
  let backend: HttpTestingController;
  let api: PortalApi;

  beforeEach(() => {
    // An agent signed in in the same browser: the portal must not send the agent's token.
    resetStorage(ADMIN, 'agent-token');
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(PortalApi);
  });

  afterEach(() => backend.verify());

  it('sends changes with the CSRF header and never the bearer token', async () => {
    const signing = api.signIn('t'.repeat(43));
    const session = backend.expectOne('/api/v1/portal/auth/session');
    expect(session.request.headers.has('Authorization')).toBeFalse();
    session.flush(PORTAL_ME);
    await signing;

    const opening = api.open({ service: 'pengembangan-aplikasi', subject: 's', description: 'd' });
    const req = backend.expectOne('/api/v1/portal/requests');
    expect(req.request.headers.get('X-Sigap-Portal-Csrf')).toBe(PORTAL_ME.csrfToken);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush(detail());
    expect((await opening).number).toBe('GTLO-2026-000007');
  });

  it('reports upload progress events for a checklist line', () => {
    const seen: number[] = [];
    api
      .upload('GTLO-2026-000007', 'r3', new File(['%PDF-1.4'], 'bpmn.pdf'))
      .subscribe((e) => seen.push(e.type));
    const req = backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007/attachments');
    expect(req.request.reportProgress).toBeTrue();
    expect((req.request.body as FormData).get('item')).toBe('r3');
    req.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    req.flush(detail());
    expect(seen).toContain(HttpEventType.UploadProgress);
    expect(seen).toContain(HttpEventType.Response);
  });
});

describe('portal pages', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url: string): Promise<HTMLElement> {
    resetStorage();
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'portal/masuk', component: PortalSignInPage },
        { path: 'portal/permohonan/:number', component: PortalRequestPage },
        { path: 'lacak/:token', component: PortalTrackPage },
        { path: 'portal/ajukan', component: PortalNewRequestPage },
        { path: 'portal', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  /** Lets the page's awaited calls resume, then renders. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }
  }

  afterEach(() => backend.verify());

  it('a link request shows the server neutral answer', async () => {
    const element = await open('/portal/masuk');
    const input = element.querySelector<HTMLInputElement>('[data-test=portal-email]')!;
    input.value = 'ani@diskes.gorontaloprov.go.id';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-test=portal-send-link]')!.click();
    const req = backend.expectOne('/api/v1/portal/auth/link');
    expect(req.request.body).toEqual({ email: 'ani@diskes.gorontaloprov.go.id' });
    req.flush(
      { message: 'Jika alamat tersebut terdaftar, tautan dikirim.' },
      {
        status: 202,
        statusText: 'Accepted',
      },
    );
    await settle();
    expect(textOf(element, '[data-test=portal-link-sent]')).toContain('tautan dikirim');
  });

  it('a spent link says so and offers the form again', async () => {
    const element = await open('/portal/masuk?token=' + 'x'.repeat(43));
    backend.expectOne('/api/v1/portal/auth/session').flush(
      {
        type: 'about:blank',
        title: 'Tautan tidak berlaku',
        status: 400,
        code: 'portal.link_invalid',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(element, '[data-test=portal-sign-in-error]')).toContain('tidak berlaku');
    expect(element.querySelector('[data-test=portal-email]')).not.toBeNull();
  });

  it('the request page shows the position, the zone, what is missing and why', async () => {
    const element = await open('/portal/permohonan/GTLO-2026-000007');
    backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007').flush(detail());
    await settle();
    expect(textOf(element, '[data-test=portal-status]')).toContain('Menunggu OPD');
    expect(textOf(element, '[data-test=portal-step]')).toContain('Tim Kerja Helpdesk');
    expect(textOf(element, '[data-test=portal-due]')).toContain('WITA');
    expect(textOf(element, '[data-test=portal-missing]')).toContain('Masih kurang 1 dokumen: BPMN');
    expect(textOf(element, '[data-test=portal-item-r3]')).toContain('Belum ada alur persetujuan');
  });

  it('an upload shows its progress, then the answer carries the new file', async () => {
    const element = await open('/portal/permohonan/GTLO-2026-000007');
    backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007').flush(detail());
    await settle();

    const input = element.querySelector<HTMLInputElement>('[data-test=portal-upload-r3]')!;
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4'], 'bpmn.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    const upload = backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007/attachments');
    upload.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 100 });
    await settle();
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(textOf(element, '[data-test=portal-item-r3]')).toContain('30%');
    const file = {
      id: 'f-1',
      fileName: 'bpmn.pdf',
      mediaType: 'application/pdf',
      size: 8,
      createdAt: '2026-03-02T02:00:00.000Z',
      href: '/api/v1/portal/requests/GTLO-2026-000007/attachments/f-1',
    };
    upload.flush(
      detail({
        missing: 0,
        checklist: [
          detail().checklist[0],
          { ...detail().checklist[1], status: 'received', reason: null, files: [file] },
        ],
      }),
    );
    await settle();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(textOf(element, '[data-test=portal-missing]')).toContain('Semua dokumen wajib');

    const answer = element.querySelector<HTMLTextAreaElement>('[data-test=portal-answer]')!;
    answer.value = 'BPMN sudah diperbaiki.';
    answer.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-test=portal-send-answer]')!.click();
    const sent = backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007/answers');
    expect(sent.request.body).toEqual({ body: 'BPMN sudah diperbaiki.', attachmentIds: ['f-1'] });
    sent.flush(detail({ status: 'in-progress' }));
    await settle();
    expect(textOf(element, '[data-test=portal-status]')).toBe('Sedang dikerjakan');
    expect(textOf(element, '[data-test=portal-answered]')).toBe('Jawaban terkirim.');
  });
  it('refuses a file over the limit before sending it; the answer waits until it is removed', async () => {
    const element = await open('/portal/permohonan/GTLO-2026-000007');
    backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007').flush(detail());
    await settle();
    expect(textOf(element, '[data-test=portal-upload-limit]')).toContain('1.0 MB');

    const input = element.querySelector<HTMLInputElement>('[data-test=portal-upload-r3]')!;
    const files = new DataTransfer();
    const big = new File([new Uint8Array(2 * 1024 * 1024)], 'besar.pdf', {
      type: 'application/pdf',
    });
    files.items.add(big);
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    backend.expectNone('/api/v1/portal/requests/GTLO-2026-000007/attachments');
    await settle();
    expect(textOf(element, '[data-test=portal-upload-error-r3]')).toContain(
      'besar.pdf (2.0 MB) melebihi batas 1.0 MB',
    );

    const answer = element.querySelector<HTMLTextAreaElement>('[data-test=portal-answer]')!;
    answer.value = 'Berkas menyusul.';
    answer.dispatchEvent(new Event('input'));
    await settle();
    expect(textOf(element, '[data-test=portal-answer-count]')).toBe('16/20000');
    const send = element.querySelector<HTMLButtonElement>('[data-test=portal-send-answer]')!;
    expect(send.disabled).toBeTrue();
    expect(textOf(element, '[data-test=portal-send-blocked]')).toContain('Hapus dulu');
    send.click();
    backend.expectNone('/api/v1/portal/requests/GTLO-2026-000007/answers');

    element.querySelector<HTMLButtonElement>('[data-test=portal-upload-remove-r3]')!.click();
    await settle();
    expect(element.querySelector('[data-test=portal-upload-error-r3]')).toBeNull();
    expect(send.disabled).toBeFalse();
    send.click();
    backend
      .expectOne('/api/v1/portal/requests/GTLO-2026-000007/answers')
      .flush(detail({ status: 'in-progress' }));
    await settle();
  });

  it('a failed upload also holds the answer back until it is removed', async () => {
    const element = await open('/portal/permohonan/GTLO-2026-000007');
    backend.expectOne('/api/v1/portal/requests/GTLO-2026-000007').flush(detail());
    await settle();
    const input = element.querySelector<HTMLInputElement>('[data-test=portal-upload-r3]')!;
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4'], 'bpmn.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    backend
      .expectOne('/api/v1/portal/requests/GTLO-2026-000007/attachments')
      .flush(
        { title: 'Berkas ditolak', status: 400, detail: 'Jenis berkas tidak diterima.' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(textOf(element, '[data-test=portal-upload-error-r3]')).toContain('tidak diterima');
    const send = element.querySelector<HTMLButtonElement>('[data-test=portal-send-answer]')!;
    expect(send.disabled).toBeTrue();
    element.querySelector<HTMLButtonElement>('[data-test=portal-upload-remove-r3]')!.click();
    await settle();
    expect(send.disabled).toBeFalse();
  });

  it('a complaint\'s tracking page says "Status pengaduan", without a request\'s steps', async () => {
    const view: PortalTrackingView = {
      number: 'ADUBALI-2026-000007',
      kind: 'complaint',
      serviceName: 'Pengembangan Aplikasi',
      officeName: 'Diskominfos Provinsi Bali',
      status: 'new',
      slaState: 'running',
      dueAt: '2026-05-20T02:00:00.000Z',
      timeZone: 'Asia/Makassar',
      zone: 'WITA',
      createdAt: '2026-05-13T02:00:00.000Z',
      currentSteps: [
        { order: 1, description: 'Telaah', position: 'Helpdesk', requesterSide: false },
      ],
      missing: ['Surat permohonan'],
    };
    const element = await open('/lacak/tok-7');
    backend.expectOne('/api/v1/portal/track/tok-7').flush(view);
    await settle();
    expect(textOf(element, '[data-test=track-title]')).toBe('Status pengaduan ADUBALI-2026-000007');
    expect(element.querySelector('[data-test=track-step]')).toBeNull();
    expect(element.textContent).not.toContain('Surat permohonan');
    expect(element.textContent).toContain('Dijawab paling lambat');
  });
  it('the new request form counts toward its limits and focuses the first field to fix', async () => {
    const element = await open('/portal/ajukan');
    backend.expectOne('/api/v1/portal/services').flush([
      {
        code: 'pengembangan-aplikasi',
        name: 'Pengembangan Aplikasi',
        serviceTime: '20 hari kerja',
        requirements: [],
        submissionNote: null,
      },
    ]);
    await settle();
    const subject = element.querySelector<HTMLInputElement>('[data-test=portal-subject]')!;
    subject.value = 'Aplikasi e-Puskesmas';
    subject.dispatchEvent(new Event('input'));
    await settle();
    expect(textOf(element, '[data-test=portal-subject-count]')).toBe('20/300');
    expect(textOf(element, '[data-test=portal-description-count]')).toBe('0/20000');
    element.querySelector<HTMLButtonElement>('[data-test=portal-submit]')!.click();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(element.querySelector('[data-test=portal-description]'));
    backend.expectNone('/api/v1/portal/requests');
  });
});
