import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, TicketSummary } from '@sigap/contracts';
import { OFFICES } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { QueuePage } from './queue.page';

const BALI_AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
};

const row = (n: number, overrides: Partial<TicketSummary> = {}): TicketSummary => ({
  number: `BALI-2026-${String(n).padStart(5, '0')}`,
  office: 'bali',
  service: 'pengembangan-aplikasi',
  subject: `Permohonan ${n}`,
  status: 'new',
  channel: 'letter',
  opdId: null,
  assigneeId: null,
  slaState: 'running',
  dueAt: new Date(Date.now() + (n + 2) * 3_600_000).toISOString(),
  targetDueAt: null,
  createdAt: '2026-03-02T01:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('QueuePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(
    items: TicketSummary[] = [row(1), row(2), row(3)],
    nextCursor: string | null = null,
  ): Promise<HTMLElement> {
    resetStorage(BALI_AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'tiket', component: QueuePage },
        { path: 'tiket/:number', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tiket');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await settle();
    backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('status') === 'new,reopened')
      .flush({ items, nextCursor });
    await settle();
    return harness.routeNativeElement!;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function press(key: string): void {
    document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }

  afterEach(() => backend.verify());

  it('lists the unassigned tickets of the office first, with a countdown to the due time', async () => {
    const element = await open();
    const rows = element.querySelectorAll('[data-test=ticket-row]');
    expect(rows.length).toBe(3);
    expect(rows[0].textContent).toContain('BALI-2026-00001');
    expect(rows[0].textContent).toContain('Baru');
    expect(rows[0].querySelector('.countdown')!.textContent).toMatch(/^sisa 2 j/);
    expect(rows[0].textContent).toContain('WITA');
  });

  it('maps each view to its API filters', async () => {
    const element = await open();
    const expectations: [string, Record<string, string>][] = [
      ['mine', { open: 'true', assignee: 'u-bali' }],
      ['at-risk', { open: 'true', sla: 'at-risk' }],
      ['breached', { open: 'true', sla: 'breached' }],
      ['waiting', { status: 'waiting' }],
      ['all', {}],
    ];
    for (const [view, params] of expectations) {
      element.querySelector<HTMLElement>(`[data-test=view-${view}]`)!.click();
      await settle();
      const request = backend.expectOne((r) => r.url === '/api/v1/tickets');
      const sent = Object.fromEntries(
        request.request.params.keys().map((k) => [k, request.request.params.get(k)]),
      );
      expect(sent).toEqual({ ...params, office: 'bali', limit: '50' });
      request.flush({ items: [], nextCursor: null });
      await settle();
    }
  });

  it('moves with j and k and opens the selected ticket with Enter', async () => {
    const element = await open();
    const selected = () =>
      element.querySelector('[data-test=ticket-row].selected')?.textContent ?? '';
    expect(selected()).toContain('00001');
    press('j');
    press('j');
    await settle();
    expect(selected()).toContain('00003');
    press('j');
    await settle();
    expect(selected()).toContain('00003');
    press('k');
    await settle();
    expect(selected()).toContain('00002');
    press('Enter');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/tiket/BALI-2026-00002');
  });

  it('focuses the search with /', async () => {
    const element = await open();
    press('/');
    expect(document.activeElement).toBe(element.querySelector('[data-test=search]'));
  });

  it('loads the next page with the cursor', async () => {
    const element = await open([row(1)], 'c2');
    element.querySelector<HTMLElement>('[data-test=load-more]')!.click();
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('cursor') === 'c2')
      .flush({ items: [row(2)], nextCursor: null });
    await settle();
    expect(element.querySelectorAll('[data-test=ticket-row]').length).toBe(2);
    expect(element.querySelector('[data-test=load-more]')).toBeNull();
  });
});
