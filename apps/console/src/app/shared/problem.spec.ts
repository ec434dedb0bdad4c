import { HttpErrorResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService, LOCALE_STORAGE_KEY } from '../i18n/i18n.service';
import { ErrorNotifier, fieldErrorsOf, problemOf } from './problem';

const PROBLEM = {
  type: 'about:blank',
  title: 'Data tidak valid',
  status: 422,
  code: 'validation.failed',
  detail: '2 isian salah',
  errors: [
    { path: 'standard.steps[2].time', message: 'tidak terbaca' },
    { path: 'requirements.0.text', message: 'wajib diisi' },
    { path: 'requirements.0.text', message: 'terlalu pendek' },
  ],
};

describe('problem helpers', () => {
  it('reads a problem+json body, also when it arrives as text', () => {
    expect(problemOf(new HttpErrorResponse({ status: 422, error: PROBLEM }))?.title).toBe(
      'Data tidak valid',
    );
    expect(
      problemOf(new HttpErrorResponse({ status: 422, error: JSON.stringify(PROBLEM) }))?.code,
    ).toBe('validation.failed');
    expect(problemOf(new HttpErrorResponse({ status: 502, error: '<html>' }))).toBeNull();
    expect(problemOf(new Error('x'))).toBeNull();
  });

  it('maps field paths to the form paths, joining repeated messages', () => {
    expect(fieldErrorsOf(PROBLEM)).toEqual({
      'steps[2].time': 'tidak terbaca',
      'requirements[0].text': 'wajib diisi; terlalu pendek',
    });
    expect(fieldErrorsOf(null)).toEqual({});
  });

  describe('ErrorNotifier', () => {
    beforeEach(() => {
      localStorage.removeItem(LOCALE_STORAGE_KEY);
      TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    });

    it('describes problems, lost connections and bare statuses in Indonesian', () => {
      const notifier = TestBed.inject(ErrorNotifier);
      expect(notifier.describe(new HttpErrorResponse({ status: 422, error: PROBLEM }))).toBe(
        'Data tidak valid: 2 isian salah',
      );
      expect(notifier.describe(new HttpErrorResponse({ status: 0 }))).toContain(
        'Tidak dapat menghubungi server',
      );
      expect(notifier.describe(new HttpErrorResponse({ status: 503 }))).toBe(
        'Permintaan gagal (HTTP 503).',
      );
      expect(notifier.describe(new TypeError('boom'))).toBe(
        'Terjadi kesalahan yang tidak terduga.',
      );
    });

    it('shows the message in a snack bar', async () => {
      TestBed.inject(I18nService).setLocale('id');
      TestBed.inject(ErrorNotifier).show(new HttpErrorResponse({ status: 0 }));
      await new Promise((resolve) => setTimeout(resolve));
      expect(document.querySelector('.sg-snack-error')?.textContent).toContain(
        'Tidak dapat menghubungi server',
      );
    });
  });
});
