import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MailboxView } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { MailboxesPage, draftOf, emptyDraft, inputOf } from './mailboxes.page';

const DB: MailboxView = {
  id: '33333333-3333-4333-8333-333333333333',
  origin: 'database',
  name: 'bali-helpdesk',
  office: 'bali',
  host: 'imap.baliprov.go.id',
  port: 993,
  secure: true,
  tlsRejectUnauthorized: true,
  user: 'helpdesk@diskominfos.baliprov.go.id',
  hasPassword: true,
  folder: 'INBOX',
  processedFolder: null,
  useIdle: true,
  pollSeconds: 60,
  enabled: true,
  version: 3,
  state: 'idle',
  lastPollAt: '2026-11-24T02:00:00.000Z',
  lastError: null,
  lastErrorAt: null,
  messagesProcessed: 12,
  failingMessages: 0,
  heldMessages: 0,
  lastMessageError: null,
  lastMessageErrorAt: null,
  holder: 'sigap-1:4242:a1b2c3',
  holderSince: '2026-11-24T01:00:00.000Z',
};
const CONFIG: MailboxView = { ...DB, id: null, origin: 'config', name: 'riau', office: 'riau' };

describe('mailbox drafts', () => {
  it('leaves an empty password out and maps "mark seen" to no processed folder', () => {
    const body = inputOf({ ...draftOf(DB), password: '' });
    expect('password' in body).toBeFalse();
    expect(body.processedFolder).toBeNull();
    const moved = inputOf({ ...emptyDraft('bali'), afterProcessing: 'move', password: 'x' });
    expect(moved.processedFolder).toBe('Sigap/Diproses');
    expect(moved.password).toBe('x');
  });
});

describe('MailboxesPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  /** Opens the page with these mailboxes listed. */
  async function open(mailboxes: MailboxView[] = [DB, CONFIG]): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/kotak-surat', component: MailboxesPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/kotak-surat');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/admin/mailboxes').flush(mailboxes);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('shows status, and offers no edit on a mailbox from configuration', async () => {
    const element = await open();
    const db = element.querySelector<HTMLElement>('[data-test=mailbox][data-origin=database]')!;
    expect(textOf(db, '[data-test=mailbox-status]')).toContain('12');
    // The instance polling it, for setups with several API instances.
    expect(textOf(db, '[data-test=mailbox-holder]')).toBe('sigap-1:4242:a1b2c3');
    expect(textOf(db, '[data-test=mailbox-status]')).toContain('Dipantau oleh instans');
    expect(db.querySelector('[data-test=edit-mailbox]')).not.toBeNull();
    const config = element.querySelector<HTMLElement>('[data-test=mailbox][data-origin=config]')!;
    expect(config.textContent).toContain('hanya baca');
    expect(config.querySelector('[data-test=edit-mailbox]')).toBeNull();
  });

  it('shows failed messages and retries the held ones on request', async () => {
    const failing: MailboxView = {
      ...DB,
      failingMessages: 1,
      heldMessages: 2,
      lastMessageError: 'UID 7 <a@b.go.id>: MIME tidak dapat diurai',
      lastMessageErrorAt: '2026-11-24T02:10:00.000Z',
    };
    const element = await open([failing, CONFIG]);
    const shown = textOf(element, '[data-test=mailbox-failures]');
    expect(shown).toContain('1 menunggu dicoba lagi, 2 ditahan untuk admin');
    expect(shown).toContain('UID 7 <a@b.go.id>: MIME tidak dapat diurai');
    element.querySelector<HTMLElement>('[data-test=release-held]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: `/api/v1/admin/mailboxes/${DB.id}/release-held` })
      .flush({ ...failing, heldMessages: 0 });
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=release-held]')).toBeNull();
    expect(textOf(element, '[data-test=mailbox-failures]')).toContain('0 ditahan');
  });

  it('deletes the held messages from the mailbox only after the admin confirms', async () => {
    const holding: MailboxView = {
      ...DB,
      heldMessages: 2,
      lastMessageError: 'UID 9: terlalu besar',
    };
    const element = await open([holding, CONFIG]);
    const confirmSpy = spyOn(window, 'confirm').and.returnValue(false);
    element.querySelector<HTMLElement>('[data-test=discard-held]')!.click();
    await harness.fixture.whenStable();
    expect(confirmSpy.calls.mostRecent().args[0]).toContain('Hapus 2 pesan yang ditahan');
    backend.expectNone(`/api/v1/admin/mailboxes/${DB.id}/discard-held`);
    confirmSpy.and.returnValue(true);
    element.querySelector<HTMLElement>('[data-test=discard-held]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: `/api/v1/admin/mailboxes/${DB.id}/discard-held` })
      .flush({ ...holding, heldMessages: 0 });
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=discard-held]')).toBeNull();
  });

  it('shows no failure line nor retry button when nothing failed', async () => {
    const element = await open();
    expect(element.querySelector('[data-test=mailbox-failures]')).toBeNull();
    expect(element.querySelector('[data-test=release-held]')).toBeNull();
    expect(element.querySelector('[data-test=discard-held]')).toBeNull();
  });

  it('edits without sending a password unless one is typed', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=edit-mailbox]')!.click();
    await harness.fixture.whenStable();
    const password = element.querySelector<HTMLInputElement>('[data-test=mailbox-password]')!;
    expect(password.value).toBe('');
    expect(password.type).toBe('password');
    element.querySelector<HTMLElement>('[data-test=save-mailbox]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne({ method: 'PATCH', url: `/api/v1/admin/mailboxes/${DB.id}` });
    expect(req.request.body.expectedVersion).toBe(3);
    expect('password' in req.request.body).toBeFalse();
    req.flush({ ...DB, version: 4 });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/admin/mailboxes').flush([{ ...DB, version: 4 }, CONFIG]);
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=mailbox-form]')).toBeNull();
  });

  it('shows the connection test result and the API field errors', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=test-mailbox]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne(`/api/v1/admin/mailboxes/${DB.id}/test`)
      .flush({ ok: false, messages: null, error: 'ECONNREFUSED', capabilities: [] });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=test-result]')).toBe('Koneksi gagal: ECONNREFUSED');

    element.querySelector<HTMLElement>('[data-test=new-mailbox]')!.click();
    await harness.fixture.whenStable();
    const fill = (test: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`[data-test=${test}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('mailbox-name', 'Nama Salah');
    fill('mailbox-host', 'imap.baliprov.go.id');
    fill('mailbox-user', 'helpdesk');
    fill('mailbox-password', 'rahasia');
    fill('mailbox-port', '995');
    element.querySelector<HTMLElement>('[data-test=save-mailbox]')!.click();
    await harness.fixture.whenStable();
    const post = backend.expectOne({ method: 'POST', url: '/api/v1/admin/mailboxes' });
    expect(post.request.body).toEqual(
      jasmine.objectContaining({ name: 'Nama Salah', port: 995, password: 'rahasia' }),
    );
    post.flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'name', message: 'huruf kecil, angka dan tanda minus' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-name]')).toBe('huruf kecil, angka dan tanda minus');
    expect(element.querySelector('[data-test=error-host]')).toBeNull();
  });
});
