import type { Duration, DurationUnit } from '@sigap/standards';
import Handlebars from 'handlebars';
import {
  createMailHelpers,
  excerpt,
  formatDateTime,
  formatMinutes,
  formatStandardDuration,
  pluralize,
  safeUrl,
} from './helpers';

/** Renders a one-line template on a fresh isolated instance with the mail helpers. */
function render(source: string, context: object = {}, locale = 'id', timeZone = 'Asia/Jakarta') {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(createMailHelpers(hb)))
    hb.registerHelper(name, helper);
  return hb.compile(source, { strict: true })(context, { data: { locale, timeZone } });
}

describe('mail helpers', () => {
  const instant = '2026-03-02T03:05:00Z'; // Monday

  describe('date', () => {
    it('shows the instant in the office zone with WIB / WITA / WIT', () => {
      expect(formatDateTime(instant, 'id', 'Asia/Jakarta')).toBe(
        'Senin, 2 Maret 2026 pukul 10.05 WIB',
      );
      expect(formatDateTime(instant, 'id', 'Asia/Makassar')).toBe(
        'Senin, 2 Maret 2026 pukul 11.05 WITA',
      );
      expect(formatDateTime(instant, 'en', 'Asia/Jayapura')).toBe(
        'Monday, 2 March 2026 at 12:05 WIT',
      );
    });

    it('crosses midnight into the local date', () => {
      expect(formatDateTime('2026-03-01T18:30:00Z', 'id', 'Asia/Jayapura', true)).toBe(
        'Senin, 2 Maret 2026',
      );
    });

    it('reads @locale and @timeZone in a template, dateOnly on request', () => {
      expect(render('{{date at}}', { at: instant }, 'en', 'Asia/Makassar')).toBe(
        'Monday, 2 March 2026 at 11:05 WITA',
      );
      expect(render('{{date at dateOnly=true}}', { at: instant })).toBe('Senin, 2 Maret 2026');
    });

    it('names the bad value', () => {
      expect(() => render('{{date at}}', { at: 'besok' })).toThrowError(/"besok" bukan tanggal/);
    });
  });

  describe('duration', () => {
    it('writes working minutes as hours and minutes', () => {
      expect(formatMinutes(0, 'id')).toBe('0 menit');
      expect(formatMinutes(45, 'id')).toBe('45 menit');
      expect(formatMinutes(60, 'id')).toBe('1 jam');
      expect(formatMinutes(150, 'id')).toBe('2 jam 30 menit');
      expect(formatMinutes(61, 'en')).toBe('1 hour 1 minute');
      expect(formatMinutes(150, 'en')).toBe('2 hours 30 minutes');
      expect(() => formatMinutes(-1, 'id')).toThrowError(/-1 bukan jumlah menit/);
    });

    it("writes a standard's time, with ranges and calendar days", () => {
      const d = (min: number, max: number, unit: DurationUnit): Duration => ({
        min,
        max,
        unit,
        basis: 'working',
        startsWhen: null,
      });
      expect(formatStandardDuration(d(1, 2, 'hour'), 'id')).toBe('1–2 jam');
      expect(formatStandardDuration(d(1, 2, 'hour'), 'en')).toBe('1–2 hours');
      expect(formatStandardDuration(d(3, 3, 'month'), 'id')).toBe('3 bulan');
      expect(formatStandardDuration(d(1, 1, 'day'), 'en')).toBe('1 day');
      expect(formatStandardDuration({ ...d(2, 2, 'day'), basis: 'calendar' as const }, 'id')).toBe(
        '2 hari kalender',
      );
      expect(formatStandardDuration({ ...d(2, 2, 'day'), basis: 'calendar' as const }, 'en')).toBe(
        '2 calendar days',
      );
    });

    it('accepts minutes or a Duration in a template and rejects anything else', () => {
      expect(render('{{duration m}}', { m: 90 }, 'en')).toBe('1 hour 30 minutes');
      expect(
        render('{{duration d}}', { d: { min: 7, max: 7, unit: 'day', basis: 'working' } }),
      ).toBe('7 hari');
      expect(() => render('{{duration d}}', { d: 'lama' })).toThrowError(/"lama" bukan durasi/);
    });
  });

  describe('plural', () => {
    it('picks the English singular only for exactly one', () => {
      expect(pluralize(1, 'document')).toBe('document');
      expect(pluralize(0, 'document')).toBe('documents');
      expect(pluralize(2, 'person', 'people')).toBe('people');
      expect(render('{{n}} {{plural n "day"}}', { n: 1 })).toBe('1 day');
      expect(render('{{n}} {{plural n "day"}}', { n: 3 })).toBe('3 days');
      expect(render('{{plural n "is" "are"}}', { n: 2 })).toBe('are');
    });
  });

  describe('link', () => {
    it('makes an escaped anchor for http(s) and mailto', () => {
      const html = render('{{link url label}}', {
        url: 'https://sigap.example.go.id/t?a=1&b="2"',
        label: 'Buka <tiket>',
      });
      expect(html).toContain('href="https://sigap.example.go.id/t?a&#x3D;1&amp;b&#x3D;%222%22"');
      expect(html).toContain('>Buka &lt;tiket&gt;</a>');
      expect(render('{{link url "tulis"}}', { url: 'mailto:helpdesk@example.go.id' })).toContain(
        'href="mailto:helpdesk@example.go.id"',
      );
    });

    it('refuses other schemes and keeps only the escaped label', () => {
      expect(render('{{link url "klik"}}', { url: 'javascript:alert(1)' })).toBe('klik');
      expect(render('{{link url "<b>"}}', { url: 'data:text/html,x' })).toBe('&lt;b&gt;');
      expect(safeUrl('not a url')).toBeNull();
      expect(safeUrl(' https://a.example/ ')).toBe('https://a.example/');
    });

    it('writes "label: url" for text parts', () => {
      expect(render('{{link url "Buka" text=true}}', { url: 'https://a.example/x' })).toBe(
        'Buka: https://a.example/x',
      );
    });
  });

  describe('eq and multiline', () => {
    it('compares strictly', () => {
      expect(render('{{#if (eq a "x")}}ya{{else}}tidak{{/if}}', { a: 'x' })).toBe('ya');
      expect(render('{{#if (eq a 1)}}ya{{else}}tidak{{/if}}', { a: '1' })).toBe('tidak');
    });

    it('escapes each line and keeps the breaks', () => {
      expect(render('{{multiline m}}', { m: 'a <b>\r\nc & d' })).toBe('a &lt;b&gt;<br>\nc &amp; d');
    });
  });

  describe('excerpt', () => {
    it('keeps a short text whole and trims it', () => {
      expect(excerpt('  Terima kasih.\n', 20)).toBe('Terima kasih.');
    });

    it('cuts a long text at a word break and marks the cut', () => {
      const text = 'Berikut kami lampirkan dokumen yang diminta oleh petugas';
      const short = excerpt(text, 30);
      expect(short.endsWith('…')).toBeTrue();
      expect(Array.from(short).length).toBeLessThanOrEqual(31);
      expect(text.startsWith(short.slice(0, -1))).toBeTrue();
      expect(short).toBe('Berikut kami lampirkan dokumen…');
    });

    it('cuts inside a word when there is no break near the end', () => {
      expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(10)}…`);
    });

    it('never splits a character outside the basic plane', () => {
      const short = excerpt('🙏'.repeat(12), 5);
      expect(short).toBe(`${'🙏'.repeat(5)}…`);
    });

    it('folds runs of empty lines and normalises CRLF', () => {
      expect(excerpt('a\r\n\r\n\r\n\r\nb', 100)).toBe('a\n\nb');
    });

    it('is available in templates and refuses a missing length', () => {
      expect(render('{{excerpt m 4}}', { m: 'satu dua tiga' })).toBe('satu…');
      expect(() => render('{{excerpt m}}', { m: 'x' })).toThrowError(/butuh panjang/);
      expect(() => excerpt('x', 0)).toThrowError(/bukan panjang/);
    });
  });

  it('fails clearly when rendered without @locale / @timeZone', () => {
    const hb = Handlebars.create();
    for (const [name, helper] of Object.entries(createMailHelpers(hb)))
      hb.registerHelper(name, helper);
    expect(() => hb.compile('{{date at}}')({ at: '2026-01-01T00:00:00Z' })).toThrowError(
      /tanpa @locale dan @timeZone/,
    );
  });
});
