import { HttpTestingController } from '@angular/common/http/testing';
import { provideAppInitializer } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { CurrentUser, TicketPage } from '@sigap/contracts';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import {
  QueuePrefetch,
  defaultFirstPage,
  prefetchQueueOnFirstNavigation,
  queryKey,
} from './queue-prefetch';

const AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
};
const PAGE: TicketPage = { items: [], nextCursor: 'next' };
const isFirstPage = (r: { url: string; params: { get(name: string): string | null } }) =>
  r.url === '/api/v1/tickets' &&
  r.params.get('status') === 'new,reopened' &&
  r.params.get('office') === 'bali' &&
  r.params.get('limit') === '50';

describe('QueuePrefetch', () => {
  let backend: HttpTestingController;
  /** Whether the spec set up a testing module (the first one is pure). */
  let ready = false;

  function setUp(user: CurrentUser | null = AGENT): void {
    resetStorage(user ?? undefined);
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders([
          { path: 'tiket', component: BlankComponent },
          { path: 'katalog', component: BlankComponent },
        ]),
        provideAppInitializer(prefetchQueueOnFirstNavigation),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    ready = true;
  }

  afterEach(() => {
    if (ready) backend.verify();
    ready = false;
  });

  it('keys a query whatever the order of its filters, leaving out empty ones', () => {
    expect(queryKey({ office: 'bali', status: 'new', q: '' })).toBe(
      queryKey({ status: 'new', office: 'bali', service: undefined }),
    );
    expect(queryKey({ office: 'bali' })).not.toBe(queryKey({ office: 'bali', limit: 50 }));
  });

  it('hands the answer asked ahead once, to the same query only', () => {
    setUp();
    const prefetch = TestBed.inject(QueuePrefetch);
    const query = defaultFirstPage('bali', 'u-bali');
    prefetch.start(query);
    prefetch.start({ ...query });
    backend.expectOne(isFirstPage).flush(PAGE);
    expect(prefetch.take({ ...query, status: 'waiting' })).toBeNull();
    // A miss spends the answer: the page asks again rather than trusting an old list.
    expect(prefetch.take(query)).toBeNull();

    prefetch.start(query);
    const again = backend.expectOne(isFirstPage);
    const taken = prefetch.take({ limit: 50, office: 'bali', status: 'new,reopened' });
    expect(taken).not.toBeNull();
    expect(prefetch.take(query)).toBeNull();
    let page = null as TicketPage | null;
    taken!.subscribe((p) => (page = p));
    again.flush(PAGE);
    expect(page).toEqual(PAGE);
  });

  it('does not hand over an answer asked too long ago', () => {
    jasmine.clock().install();
    try {
      jasmine.clock().mockDate(new Date('2026-03-05T07:00:00Z'));
      setUp();
      const prefetch = TestBed.inject(QueuePrefetch);
      const query = defaultFirstPage('bali', 'u-bali');
      prefetch.start(query);
      backend.expectOne(isFirstPage).flush(PAGE);
      jasmine.clock().tick(11_000);
      expect(prefetch.take(query)).toBeNull();
    } finally {
      jasmine.clock().uninstall();
    }
  });

  it('asks for the first page when the first navigation goes to the queue', async () => {
    setUp();
    await TestBed.inject(Router).navigateByUrl('/tiket');
    backend.expectOne(isFirstPage).flush(PAGE);
    backend.expectOne('/api/v1/offices').flush([]);
    expect(TestBed.inject(QueuePrefetch).take(defaultFirstPage('bali', 'u-bali'))).not.toBeNull();
    // Only the first navigation.
    await TestBed.inject(Router).navigateByUrl('/katalog');
    await TestBed.inject(Router).navigateByUrl('/tiket');
    backend.expectNone(isFirstPage);
  });

  it('asks nothing on another page or without a signed-in user', async () => {
    setUp();
    await TestBed.inject(Router).navigateByUrl('/katalog');
    backend.expectNone(() => true);
    TestBed.resetTestingModule();
    setUp(null);
    await TestBed.inject(Router).navigateByUrl('/tiket');
    backend.expectNone(() => true);
  });
});
