import { Injectable, inject } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import type { TicketPage } from '@sigap/contracts';
import { type Observable, filter, shareReplay, take } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { DEFAULT_QUEUE_VIEW, viewQuery } from './queue-views';
import { TicketsApi, type TicketQuery } from './tickets.api';

/** Rows of one queue page. */
export const PAGE_SIZE = 50;
/** A first page fetched ahead is used only this long; after that the queue asks again. */
const FRESH_MS = 10_000;

/** The same filters in any order give the same key. */
export function queryKey(query: TicketQuery): string {
  return (
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      // A plain comparison: the keys are ASCII names (a collator would cost its set-up time).
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('&')
  );
}

/** The first page of the default view of the queue, as the queue page asks for it. */
export function defaultFirstPage(office: string, userId: string | null): TicketQuery {
  return { ...viewQuery(DEFAULT_QUEUE_VIEW, userId), office, limit: PAGE_SIZE };
}

/**
 * The queue's first page asked for as soon as the router heads for `/tiket`, while the page's
 * code is still loading: the list no longer waits for the page to be built before it is asked.
 * The queue page takes the answer once, if it asks for the same page soon enough.
 */
@Injectable({ providedIn: 'root' })
export class QueuePrefetch {
  private readonly api = inject(TicketsApi);
  private entry: { key: string; at: number; page: Observable<TicketPage> } | null = null;

  start(query: TicketQuery): void {
    const key = queryKey(query);
    if (this.entry?.key === key && Date.now() - this.entry.at < FRESH_MS) return;
    const page = this.api.list(query).pipe(shareReplay({ bufferSize: 1, refCount: false }));
    // Asked now; a failure reaches the queue page when it takes the answer.
    page.subscribe({ error: () => undefined });
    this.entry = { key, at: Date.now(), page };
  }

  /** The answer fetched ahead for this query, once; null when there is none or it is stale. */
  take(query: TicketQuery): Observable<TicketPage> | null {
    const entry = this.entry;
    this.entry = null;
    if (!entry || entry.key !== queryKey(query) || Date.now() - entry.at > FRESH_MS) return null;
    return entry.page;
  }
}

/**
 * For the app's initialisers: on the first navigation, when it goes to the queue of a signed-in
 * user with an office, starts that queue's first page and the offices list.
 */
export function prefetchQueueOnFirstNavigation(): void {
  const router = inject(Router);
  const auth = inject(AuthService);
  const prefetch = inject(QueuePrefetch);
  const catalog = inject(CatalogApi);
  router.events
    .pipe(
      filter((event): event is NavigationStart => event instanceof NavigationStart),
      take(1),
    )
    .subscribe((event) => {
      const user = auth.user();
      const path = event.url.split(/[?#]/)[0];
      if (path !== '/tiket' || !user?.office) return;
      prefetch.start(defaultFirstPage(user.office, user.id));
      // The offices (shared and kept by the catalog API) give the rows' time zone: asked now,
      // the first rows show WITA/WIT at once instead of WIB until the shell's request returns.
      catalog.offices().subscribe({ error: () => undefined });
    });
}
