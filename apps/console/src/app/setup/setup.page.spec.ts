import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OfficeAdminView, SetupStatus } from '@sigap/contracts';
import { ADMIN, AGENT } from '../../testing/fixtures';
import {
  BlankComponent,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { firstRunGuard, SETUP_DISMISSED_KEY } from './first-run.guard';
import { SetupPage } from './setup.page';

const EMPTY: SetupStatus = {
  needed: true,
  offices: 0,
  positions: 0,
  services: 0,
  agents: 0,
  mailboxes: 0,
  smtp: { mode: 'keep', description: 'disimpan sebagai berkas .eml di folder data' },
};

const JAYAPURA: OfficeAdminView = {
  code: 'jayapura',
  name: 'Diskominfo Kota Jayapura',
  timeZone: 'Asia/Jayapura',
  zoneAbbreviation: 'WIT',
  ticketPrefix: 'JPR',
  region: null,
  address: null,
  website: null,
  helpdeskEmail: null,
  complaintEmail: null,
  incidentEmail: null,
  logoUrl: null,
  retiredAt: null,
  createdAt: '2026-12-07T01:00:00.000Z',
};

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('SetupPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(status = EMPTY): Promise<HTMLElement> {
    resetStorage(ADMIN);
    sessionStorage.removeItem(SETUP_DISMISSED_KEY);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'penyiapan', component: SetupPage },
        { path: 'katalog', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/penyiapan');
    backend.expectOne('/api/v1/setup').flush(status);
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush([]);
    await harness.fixture.whenStable();
    backend
      .match('/api/v1/offices/time-zones')
      .forEach((r) => r.flush([{ zone: 'Asia/Jayapura', abbreviation: 'WIT', offset: 'UTC+9' }]));
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('starts with the first office, then its positions on the same page', async () => {
    const element = await open();
    const step = element.querySelector<HTMLElement>('[data-test=setup-step-office]')!;
    expect(textOf(step, '[data-test=setup-state-office]')).toBe('Belum');
    const form = step.querySelector<HTMLElement>('[data-test=office-form]')!;
    expect(form.querySelector('[data-test=cancel-office]')).toBeNull();
    expect(
      element.querySelector('[data-test=setup-step-positions] [data-test=position-tree]'),
    ).toBeNull();
    type(form, '[data-test=office-code]', 'jayapura');
    type(form, '[data-test=office-name]', 'Diskominfo Kota Jayapura');
    type(form, '[data-test=office-timeZone]', 'Asia/Jayapura');
    type(form, '[data-test=office-ticketPrefix]', 'JPR');
    await harness.fixture.whenStable();
    form.querySelector<HTMLElement>('[data-test=save-office]')!.click();
    backend.expectOne('/api/v1/offices').flush(JAYAPURA, { status: 201, statusText: 'Created' });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/setup').flush({ ...EMPTY, needed: false, offices: 1 });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/positions?office=jayapura').flush([]);
    backend.expectOne('/api/v1/setup').flush({ ...EMPTY, needed: false, offices: 1 });
    await harness.fixture.whenStable();
    expect(textOf(step, '[data-test=setup-state-office]')).toBe('Selesai');
    expect(textOf(step, '[data-test=setup-office-done]')).toContain('WIT');
    expect(
      element.querySelector('[data-test=setup-step-positions] [data-test=position-tree]'),
    ).not.toBeNull();
    const importLink = element.querySelector<HTMLAnchorElement>('[data-test=setup-import]')!;
    expect(importLink.getAttribute('href')).toBe('/katalog/impor?office=jayapura');
  });

  it('sends a test message and shows where it went; each step can be skipped', async () => {
    const element = await open();
    const mail = element.querySelector<HTMLElement>('[data-test=setup-step-mail]')!;
    expect(textOf(mail, '[data-test=setup-smtp]')).toContain('SIGAP_SMTP_URL');
    type(mail, '[data-test=test-mail-to]', 'bukan-alamat');
    await harness.fixture.whenStable();
    mail.querySelector<HTMLElement>('[data-test=send-test-mail]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/setup/test-mail');
    type(mail, '[data-test=test-mail-to]', 'operator@jayapurakota.go.id');
    await harness.fixture.whenStable();
    mail.querySelector<HTMLElement>('[data-test=send-test-mail]')!.click();
    const request = backend.expectOne('/api/v1/setup/test-mail');
    expect(request.request.body).toEqual({ to: 'operator@jayapurakota.go.id' });
    request.flush({ mode: 'keep', messageId: '<t@x>', response: 'disimpan di /data/t.eml' });
    await harness.fixture.whenStable();
    expect(textOf(mail, '[data-test=test-mail-result]')).toContain('disimpan di /data/t.eml');
    expect(textOf(mail, '[data-test=setup-state-mail]')).toBe('Selesai');

    const agents = element.querySelector<HTMLElement>('[data-test=setup-step-agents]')!;
    agents.querySelector<HTMLElement>('[data-test=setup-skip-agents]')!.click();
    await harness.fixture.whenStable();
    expect(textOf(agents, '[data-test=setup-state-agents]')).toBe('Dilewati');
    expect(agents.querySelector('[data-test=setup-users]')).toBeNull();

    element.querySelector<HTMLElement>('[data-test=setup-finish]')!.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/katalog');
    expect(sessionStorage.getItem(SETUP_DISMISSED_KEY)).toBe('1');
  });
});

describe('firstRunGuard', () => {
  async function start(user = ADMIN): Promise<{ backend: HttpTestingController; router: Router }> {
    resetStorage(user);
    sessionStorage.removeItem(SETUP_DISMISSED_KEY);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'katalog', component: BlankComponent, canActivate: [firstRunGuard] },
        { path: 'penyiapan', component: BlankComponent },
      ]),
    });
    return { backend: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
  }

  it('leads an admin of an installation without offices to the set-up', async () => {
    const { backend, router } = await start();
    const navigation = router.navigateByUrl('/katalog');
    await new Promise((resolve) => setTimeout(resolve, 10));
    backend.expectOne('/api/v1/setup').flush(EMPTY);
    await navigation;
    expect(router.url).toBe('/penyiapan');
  });

  it('lets the admin through once offices exist, or after setting the set-up aside', async () => {
    const { backend, router } = await start();
    const navigation = router.navigateByUrl('/katalog');
    await new Promise((resolve) => setTimeout(resolve, 10));
    backend.expectOne('/api/v1/setup').flush({ ...EMPTY, needed: false, offices: 2 });
    await navigation;
    expect(router.url).toBe('/katalog');
    sessionStorage.setItem(SETUP_DISMISSED_KEY, '1');
    await router.navigateByUrl('/penyiapan');
    await router.navigateByUrl('/katalog');
    backend.expectNone('/api/v1/setup');
    expect(router.url).toBe('/katalog');
  });

  it('never asks for others', async () => {
    const { backend, router } = await start(AGENT);
    await router.navigateByUrl('/katalog');
    backend.expectNone('/api/v1/setup');
    expect(router.url).toBe('/katalog');
  });
});
