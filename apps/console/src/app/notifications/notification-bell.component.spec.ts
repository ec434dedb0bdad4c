import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { NotificationPage, NotificationView } from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { I18nService } from '../i18n/i18n.service';
import { NotificationBellComponent, NOTIFICATION_POLL_MS } from './notification-bell.component';

const MENTION: NotificationView = {
  id: '7b1c6a4e-2f0d-4c55-9d57-3a6f0b1e9c01',
  kind: 'mentioned',
  ticket: 'TT-2026-000007',
  ticketSubject: 'Hosting aplikasi SIPD',
  step: null,
  actorName: 'Rudi Hartono',
  excerpt: '@sari mohon cek dokumen',
  createdAt: '2026-03-16T02:00:00Z',
  readAt: null,
};
const STEP: NotificationView = {
  ...MENTION,
  id: '7b1c6a4e-2f0d-4c55-9d57-3a6f0b1e9c02',
  kind: 'step_at_risk',
  step: 3,
  actorName: null,
  excerpt: null,
  readAt: '2026-03-16T03:00:00Z',
};
const PAGE: NotificationPage = { items: [MENTION, STEP], total: 2, unread: 1 };

describe('NotificationBellComponent', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let host: HTMLElement;

  async function open(page = PAGE): Promise<void> {
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders([
          { path: '', component: NotificationBellComponent },
          { path: 'tiket/:number', component: BlankComponent },
        ]),
        { provide: NOTIFICATION_POLL_MS, useValue: 3_600_000 },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    backend.expectOne((r) => r.url === '/api/v1/notifications').flush(page);
    await harness.fixture.whenStable();
    host = harness.fixture.nativeElement as HTMLElement;
  }

  const q = (test: string) => host.querySelector<HTMLElement>(`[data-test=${test}]`);
  const all = (test: string) => [...host.querySelectorAll<HTMLElement>(`[data-test=${test}]`)];

  async function openPanel(page = PAGE): Promise<void> {
    q('notification-bell')?.click();
    backend.expectOne((r) => r.url === '/api/v1/notifications').flush(page);
    await harness.fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('shows the unread count on the bell and says it to screen readers', async () => {
    await open();
    expect(q('notification-count')?.textContent?.trim()).toBe('1');
    expect(q('notification-bell')?.getAttribute('aria-label')).toBe('Notifikasi, 1 belum dibaca');
    expect(q('notification-bell')?.getAttribute('aria-expanded')).toBe('false');
    const live = q('notification-live');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.textContent?.trim()).toBe('1 notifikasi belum dibaca');
  });

  it('shows no badge when all is read', async () => {
    await open({ ...PAGE, items: [STEP], total: 1, unread: 0 });
    expect(q('notification-count')).toBeNull();
    expect(q('notification-bell')?.getAttribute('aria-label')).toBe('Notifikasi');
  });

  it('lists the notifications in words, each linking to its ticket, in the language chosen', async () => {
    await open();
    await openPanel();
    expect(q('notification-bell')?.getAttribute('aria-expanded')).toBe('true');
    const items = all('notification-item');
    expect(items.length).toBe(2);
    expect(items[0].textContent).toContain('Rudi Hartono menyebut Anda di tiket TT-2026-000007');
    expect(items[0].textContent).toContain('@sari mohon cek dokumen');
    expect(items[0].classList).toContain('unread');
    expect(items[1].textContent).toContain('Tenggat langkah 3 tiket TT-2026-000007 hampir habis');
    expect(all('notification-link')[0].getAttribute('href')).toBe('/tiket/TT-2026-000007');
    TestBed.inject(I18nService).setLocale('en');
    await harness.fixture.whenStable();
    expect(all('notification-item')[0].textContent).toContain(
      'Rudi Hartono mentioned you on ticket TT-2026-000007',
    );
  });

  it('opening a notification marks it read and goes to the ticket', async () => {
    await open();
    await openPanel();
    all('notification-link')[0].click();
    const read = backend.expectOne('/api/v1/notifications/read');
    expect(read.request.body).toEqual({ ids: [MENTION.id] });
    read.flush({ marked: 1, unread: 0 });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/tiket/TT-2026-000007');
    expect(q('notification-count')).toBeNull();
    expect(q('notification-panel')).toBeNull();
  });

  it('marks all read, and Escape closes the panel back to the bell', async () => {
    await open();
    await openPanel();
    q('notification-mark-all')?.click();
    const read = backend.expectOne('/api/v1/notifications/read');
    expect(read.request.body).toEqual({ all: true });
    read.flush({ marked: 1, unread: 0 });
    await harness.fixture.whenStable();
    expect(all('notification-item').some((i) => i.classList.contains('unread'))).toBeFalse();
    expect(q('notification-count')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await harness.fixture.whenStable();
    expect(q('notification-panel')).toBeNull();
    expect(document.activeElement).toBe(q('notification-bell'));
  });

  it('reads and saves the preferences, one kind at a time', async () => {
    await open();
    await openPanel();
    q('notification-settings')?.click();
    backend.expectOne('/api/v1/notifications/preferences').flush({
      channels: {
        assigned: 'email',
        step_at_risk: 'email',
        step_breached: 'email',
        requester_replied: 'email',
        mentioned: 'email',
      },
      digestHour: 7,
    });
    await harness.fixture.whenStable();
    expect(q('notification-preferences')?.textContent).toContain('pukul 7.00');
    const select = q('pref-step_at_risk') as HTMLSelectElement;
    expect(select.value).toBe('email');
    select.value = 'digest';
    select.dispatchEvent(new Event('change'));
    const save = backend.expectOne('/api/v1/notifications/preferences');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ channels: { step_at_risk: 'digest' } });
    save.flush({
      channels: {
        assigned: 'email',
        step_at_risk: 'digest',
        step_breached: 'email',
        requester_replied: 'email',
        mentioned: 'email',
      },
      digestHour: 7,
    });
    await harness.fixture.whenStable();
    expect(q('notification-preferences')?.textContent).toContain('Pengaturan notifikasi disimpan.');
  });
});
