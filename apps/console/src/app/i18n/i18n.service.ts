import { Injectable, Pipe, PipeTransform, inject, signal } from '@angular/core';
import { en } from './en';
import { id, type Dictionary, type MessageKey } from './id';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export type MessageParams = Record<string, string | number>;

const DICTIONARIES: Record<Locale, Dictionary> = { id, en };
/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'sigap.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** Replaces `{name}` by `params.name`; an unknown parameter stays visible as written. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The console's language: Bahasa Indonesia unless the user chose English. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly state = signal<Locale>(readStoredLocale());
  /** The current language; templates and computeds that read it follow a switch. */
  readonly locale = this.state.asReadonly();

  setLocale(locale: Locale): void {
    if (!isLocale(locale)) throw new Error(`Unknown locale "${String(locale)}": use id or en`);
    this.state.set(locale);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be disabled (private mode); the choice then lasts for this page only.
    }
    document.documentElement.lang = locale;
  }

  /** The message for `key` in the current language, with `{name}` parameters filled in. */
  t(key: MessageKey, params?: MessageParams): string {
    const dictionary = DICTIONARIES[this.state()];
    return interpolate(dictionary[key] ?? id[key] ?? key, params);
  }
}

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : 'id';
  } catch {
    return 'id';
  }
}

/** `injectT()` in a constructor or field initialiser gives a `t(key, params)` for code. */
export function injectT(): (key: MessageKey, params?: MessageParams) => string {
  const i18n = inject(I18nService);
  return (key, params) => i18n.t(key, params);
}

/**
 * `{{ 'login.title' | t }}`. Impure so that it runs again on each check; it reads the locale
 * signal, so a language switch marks the view for refresh even with OnPush and no zone.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
