import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import {
  ChangeDetectionStrategy,
  Component,
  provideZonelessChangeDetection,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { provideRouter, type Routes } from '@angular/router';
import type { CurrentUser } from '@sigap/contracts';
import { authInterceptor } from '../app/auth/auth.interceptor';
import { TOKEN_STORAGE_KEY, USER_STORAGE_KEY } from '../app/auth/auth.service';
import { LOCALE_STORAGE_KEY } from '../app/i18n/i18n.service';
import { CHOSEN_OFFICE_KEY } from '../app/shared/chosen-office';
import { provideSigapIcons } from '../app/shared/icons';

/** What every console spec runs with: zoneless, the real interceptor, a testing backend. */
export function consoleTestProviders(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideRouter(routes),
    provideSigapIcons(),
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

/** An empty page for routes a spec navigates to but does not look at. */
@Component({
  selector: 'sg-blank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class BlankComponent {}
