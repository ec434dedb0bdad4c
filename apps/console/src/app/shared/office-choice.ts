import {
  computed,
  effect,
  inject,
  signal,
  untracked,
  type Signal,
  type WritableSignal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { OfficeSummary } from '@sigap/contracts';
import { catchError, of, type Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { ChosenOffice } from './chosen-office';
import type { ErrorNotifier } from './problem';

/** The office a per-office page shows, and the offices it may switch to. */
export interface OfficeChoice {
  /** Every office (empty while loading or when the list cannot be read). */
  readonly offices: Signal<OfficeSummary[]>;
  /** Office chosen in the selector; the user's own until another is chosen. */
  readonly chosen: WritableSignal<string>;
  /** Office shown: the chosen one, else the first office. */
  readonly office: Signal<string>;
}

/**
 * Sets up the office choice of a per-office page and calls `load` with the shown office each time
 * it changes (once the office list has given one). Call it where `inject` works: a field or the
 * constructor of a component.
 */
export function officeChoice(load: (office: string) => void): OfficeChoice {
  const auth = inject(AuthService);
  const offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  const shared = inject(ChosenOffice);
  const chosen = signal(shared.code() || (auth.user()?.office ?? ''));
  const office = computed(() => chosen() || offices()[0]?.code || '');
  effect(() => {
    const shown = office();
    if (!shown) return;
    untracked(() => {
      // An admin's pick follows them to the queue and the new-ticket form.
      if (chosen() && auth.isAdmin()) shared.set(chosen());
      load(shown);
    });
  });
  return { offices, chosen, office };
}

/**
 * Reads a list for a page: `loading` is on while it comes, `done` receives it, and a failure is
 * shown through `notifier` (what was shown before stays).
 */
export function loadInto<T>(
  source: Observable<T>,
  done: (value: T) => void,
  loading: WritableSignal<boolean>,
  notifier: ErrorNotifier,
): void {
  loading.set(true);
  source.subscribe({
    next: (value) => {
      done(value);
      loading.set(false);
    },
    error: (e: unknown) => {
      loading.set(false);
      notifier.show(e);
    },
  });
}

/** `list` with `saved` in place of the item of the same id, or added at the end when new. */
export function upsertById<T extends { id: string }>(list: readonly T[], saved: T): T[] {
  return list.some((item) => item.id === saved.id)
    ? list.map((item) => (item.id === saved.id ? saved : item))
    : [...list, saved];
}
