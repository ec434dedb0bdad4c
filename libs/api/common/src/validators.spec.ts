import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  validateSync,
} from 'class-validator';
import { exceedsDepth } from './json-body';
import { flattenValidationErrors } from './validation-errors';
import {
  isCalendarDate,
  isCalendarMonth,
  isIsoInstant,
  isMultiLineText,
  isSingleLineText,
  IsChoiceList,
  IsEmailAddress,
  IsOptionalNotNull,
  IsOptionalOfficeCode,
  SingleLine,
} from './validators';

class Sample {
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  @SingleLine()
  name: string;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(5)
  title?: string;
}

class Address {
  @IsEmailAddress()
  email: string;
}

function errors(body: object) {
  return flattenValidationErrors(validateSync(plainToInstance(Sample, body)));
}

describe('shared validators', () => {
  it('knows which calendar dates and months exist', () => {
    for (const day of ['2026-01-31', '2028-02-29', '2000-02-29', '2026-12-31']) {
      expect(isCalendarDate(day)).withContext(day).toBeTrue();
    }
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-01',
      '2026-01-01T00:00',
      20260101,
    ]) {
      expect(isCalendarDate(day)).withContext(String(day)).toBeFalse();
    }
    expect(isCalendarMonth('2026-12')).toBeTrue();
    for (const month of ['2026-13', '2026-00', '2026-1', '2026-12-01']) {
      expect(isCalendarMonth(month)).withContext(month).toBeFalse();
    }
  });

  it('takes ISO 8601 instants only when their day exists', () => {
    for (const ok of [
      '2026-03-18',
      '2026-03-18T09:00+08:00',
      '2026-03-18T01:02:03.456Z',
      '2028-02-29T00:00:00Z',
    ]) {
      expect(isIsoInstant(ok)).withContext(ok).toBeTrue();
    }
    for (const bad of [
      '2026-02-30',
      '2026-02-30T10:00:00Z',
      '2026-13-01',
      '0000-01-01',
      '275760-09-13T00:00:00Z',
      'kemarin',
      '',
    ]) {
      expect(isIsoInstant(bad)).withContext(bad).toBeFalse();
    }
  });

  it('refuses control characters, bidi overrides and lone surrogates on one line', () => {
    for (const ok of ['I Gusti Ngurah Rāka', 'Dinas 👨‍👩‍👧', 'zero\u200bwidth', 'مرحبا']) {
      expect(isSingleLineText(ok)).withContext(ok).toBeTrue();
    }
    for (const bad of [
      'a\u0000b',
      'a\nb',
      'a\tb',
      'a\u007f',
      'a\u0085',
      'a\u2028b',
      '\u202eexe',
      'a\ud800',
      '\udc00b',
    ]) {
      expect(isSingleLineText(bad)).withContext(JSON.stringify(bad)).toBeFalse();
    }
    expect(isMultiLineText('baris satu\r\n\tbaris dua')).toBeTrue();
    for (const bad of ['a\u0000', 'a\u0007', 'a\u001b[31m', 'a\u000b', 'a\ud800']) {
      expect(isMultiLineText(bad)).withContext(JSON.stringify(bad)).toBeFalse();
    }
  });

  it('measures nesting depth without recursion, and stops at the limit', () => {
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBeFalse();
    expect(exceedsDepth({ a: [{ b: {} }] }, 3)).toBeTrue();
    expect(exceedsDepth('text', 0)).toBeFalse();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(exceedsDepth(deep, 32)).toBeTrue();
  });
});

describe('e-mail addresses', () => {
  it('refuses text that is not valid Unicode instead of throwing', () => {
    const check = (email: unknown) =>
      flattenValidationErrors(validateSync(plainToInstance(Address, { email })));
    expect(check('ani@diskes.gorontaloprov.go.id')).toEqual([]);
    expect(check('lone \ud800 surrogate')).toEqual([
      { path: 'email', message: 'harus berupa alamat e-mail' },
    ]);
    expect(check('ani\udc00@example.id')).toEqual([
      { path: 'email', message: 'harus berupa alamat e-mail' },
    ]);
  });
});

describe('validation messages', () => {
  it('says a missing field is required, once', () => {
    expect(errors({})).toEqual([{ path: 'name', message: 'wajib diisi' }]);
  });

  it('gives one message per field, the type before the length', () => {
    expect(errors({ name: 42 })).toEqual([{ path: 'name', message: 'harus berupa teks' }]);
    expect(errors({ name: '' })).toEqual([{ path: 'name', message: 'tidak boleh kosong' }]);
    expect(errors({ name: 'panjang sekali' })).toEqual([
      { path: 'name', message: 'maksimal 5 karakter' },
    ]);
    expect(errors({ name: 'a\u0000' })).toEqual([
      { path: 'name', message: 'tidak boleh memuat karakter kendali atau pindah baris' },
    ]);
  });

  it('refuses null for an optional field that is not nullable, and lets absence through', () => {
    expect(errors({ name: 'ok' })).toEqual([]);
    expect(errors({ name: 'ok', title: null })).toEqual([
      { path: 'title', message: 'tidak boleh null; tinggalkan kolom ini bila tidak diubah' },
    ]);
    expect(errors({ name: null })).toEqual([{ path: 'name', message: 'wajib diisi' }]);
  });
});

const COLOURS = ['red', 'green', 'blue'] as const;

class Bundled {
  @IsChoiceList(COLOURS)
  colours: string[];

  @IsOptionalOfficeCode()
  office?: string;
}

class WrittenOut {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COLOURS.length)
  @ArrayUnique()
  @IsIn(COLOURS, { each: true })
  colours: string[];

  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;
}

describe('bundled field rules', () => {
  const check = (type: typeof Bundled | typeof WrittenOut, body: object) =>
    flattenValidationErrors(validateSync(plainToInstance(type, body)));

  it('answer as the rules written out would, message for message', () => {
    const bodies: object[] = [
      { colours: ['red'] },
      { colours: ['red'], office: 'bali' },
      {},
      { colours: 'red' },
      { colours: [] },
      { colours: ['red', 'red'] },
      { colours: ['red', 'green', 'blue', 'red'] },
      { colours: ['pink'] },
      { colours: ['red'], office: null },
      { colours: ['red'], office: '' },
      { colours: ['red'], office: 'x'.repeat(41) },
      { colours: ['red'], office: 'ba\nli' },
      { colours: ['red'], office: 7 },
    ];
    for (const body of bodies) {
      expect(check(Bundled, body))
        .withContext(JSON.stringify(body))
        .toEqual(check(WrittenOut, body));
    }
    expect(check(Bundled, { colours: ['red'], office: 'bali' })).toEqual([]);
    expect(check(Bundled, { colours: ['pink'], office: null }).map((e) => e.path)).toEqual([
      'colours',
      'office',
    ]);
  });
});
