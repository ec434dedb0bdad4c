import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  ChangeDetectionStrategy,
  Component,
  provideZonelessChangeDetection,
  signal,
  type EnvironmentProviders,
  type Provider,
  type Type,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@sigap/contracts';
import { authInterceptor } from '../app/auth/auth.interceptor';
import { TOKEN_STORAGE_KEY, USER_STORAGE_KEY } from '../app/auth/auth.service';
import { LOCALE_STORAGE_KEY } from '../app/i18n/i18n.service';
import { CHOSEN_OFFICE_KEY } from '../app/shared/chosen-office';
import { provideSigapIcons } from '../app/shared/icons';
import {
  LIVE_FETCH,
  LiveEvents,
  reloadOnReady,
  type LiveMessage,
  type LiveReady,
} from '../app/shared/live-events';
import { Subject } from 'rxjs';

/**
 * The live stream's `fetch` in specs: it stays pending (a quiet stream) until aborted. Specs
 * about live updates provide their own.
 */
export const quietLiveFetch: typeof fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    );
  });

/** What every console spec runs with: zoneless, the real interceptor, a testing backend. */
export function consoleTestProviders(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideRouter(routes),
    provideSigapIcons(),
    { provide: LIVE_FETCH, useValue: quietLiveFetch },
  ];
}

/** Starts each spec from empty storage; optionally signed in as `user`. */
export function resetStorage(user?: CurrentUser, token = 'tok-123'): void {
  sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  sessionStorage.removeItem(USER_STORAGE_KEY);
  sessionStorage.removeItem(CHOSEN_OFFICE_KEY);
  localStorage.removeItem(LOCALE_STORAGE_KEY);
  if (user) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    sessionStorage.setItem(USER_STORAGE_KEY, JSON.stringify(user));
  }
}

/** Text of the first element matching `selector` under `root`, trimmed and with spaces joined. */
export function textOf(root: HTMLElement, selector: string): string {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`No element matches "${selector}"`);
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A page opened by `openPage`, and a click that waits for the page to settle. */
export interface OpenedPage {
  harness: RouterTestingHarness;
  backend: HttpTestingController;
  element: HTMLElement;
  click: (selector: string) => Promise<void>;
}

/**
 * Opens `component` at `url` signed in as `user`, answers the requests it makes on opening
 * (`[url, body]`, each expected exactly once) and resolves once it has shown the answers.
 */
export async function openPage(
  url: string,
  component: Type<unknown>,
  user: CurrentUser,
  answers: [string, object][],
): Promise<OpenedPage> {
  resetStorage(user);
  TestBed.configureTestingModule({
    providers: consoleTestProviders([{ path: url.replace(/^\//, ''), component }]),
  });
  const backend = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  for (const [request, body] of answers) backend.expectOne(request).flush(body);
  await harness.fixture.whenStable();
  const element = harness.routeNativeElement;
  if (!element) throw new Error(`Nothing is shown at ${url}`);
  const click = async (selector: string) => {
    const target = element.querySelector<HTMLElement>(selector);
    if (!target) throw new Error(`No element matches "${selector}"`);
    target.click();
    await harness.fixture.whenStable();
  };
  return { harness, backend, element, click };
}

/** An empty page for routes a spec navigates to but does not look at. */
@Component({
  selector: 'sg-blank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class BlankComponent {}

/** A live feed the spec drives: `send` hands a message to the page's subscribers. */
export class FakeLiveEvents {
  private readonly subject = new Subject<LiveMessage>();
  readonly messages = this.subject.asObservable();
  /** Whether the stream is live as a page subscribes (tests set it). */
  readonly connected = signal(true);

  needsReload(): (message: LiveReady) => boolean {
    return reloadOnReady(this.connected());
  }

  send(message: LiveMessage): void {
    this.subject.next(message);
  }

  /** The provider that puts this feed in place of the real one. */
  provider(): Provider {
    return { provide: LiveEvents, useValue: this };
  }
}
