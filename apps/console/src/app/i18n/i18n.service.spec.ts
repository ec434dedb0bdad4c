import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { I18nService, LOCALE_STORAGE_KEY, TranslatePipe, interpolate } from './i18n.service';
import { id } from './id';

@Component({
  selector: 'sg-i18n-probe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<h1>{{ 'login.title' | t }}</h1>
    <p>{{ 'login.tooMany' | t: { seconds: 30 } }}</p>`,
})
class ProbeComponent {}

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.removeItem(LOCALE_STORAGE_KEY);
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  it('speaks Bahasa Indonesia by default', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.locale()).toBe('id');
    expect(i18n.t('login.badCredentials')).toBe('E-mail atau kata sandi salah');
  });

  it('switches to English and remembers the choice', () => {
    const i18n = TestBed.inject(I18nService);
    i18n.setLocale('en');
    expect(i18n.t('login.badCredentials')).toBe('Wrong e-mail or password');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18nService).locale()).toBe('en');
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(TestBed.inject(I18nService).locale()).toBe('id');
  });

  it('refuses an unknown locale with a message naming it', () => {
    const i18n = TestBed.inject(I18nService);
    expect(() => i18n.setLocale('fr' as never)).toThrowError(/Unknown locale "fr"/);
  });

  it('has every Indonesian key in English, none extra, none empty', () => {
    const idKeys = Object.keys(id).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys).toEqual(idKeys);
    for (const key of idKeys) {
      expect(en[key as keyof typeof en].trim())
        .withContext(key)
        .not.toBe('');
      expect(id[key as keyof typeof id].trim())
        .withContext(key)
        .not.toBe('');
    }
  });

  it('uses the same parameters in both languages', () => {
    const params = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(params(en[key])).withContext(key).toEqual(params(id[key]));
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(interpolate('coba lagi dalam {seconds} detik', { seconds: 12 })).toBe(
      'coba lagi dalam 12 detik',
    );
    expect(interpolate('{a} dan {b}', { a: 1 })).toBe('1 dan {b}');
  });

  it('re-renders an OnPush template through the t pipe when the language changes', async () => {
    const fixture = TestBed.createComponent(ProbeComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')!.textContent).toBe('Masuk ke Sigap');
    expect(element.querySelector('p')!.textContent).toContain('30 detik');

    TestBed.inject(I18nService).setLocale('en');
    await fixture.whenStable();
    expect(element.querySelector('h1')!.textContent).toBe('Sign in to Sigap');
    expect(element.querySelector('p')!.textContent).toContain('30 seconds');
  });
});
