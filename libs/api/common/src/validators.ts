import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  isEmail,
  IsIn,
  isISO8601,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

/*
 * Shared field rules for request DTOs. class-validator has no rule for "absent is fine but null
 * is not", for control characters in text, or for calendar dates that must exist (its
 * `IsDateString` takes `2026-02-30`), so they are written here once and used by every DTO.
 * Their constraint names are not in the message table of `validation-errors.ts`, so the
 * Indonesian messages given here reach the client as they are.
 */

/**
 * The field may be left out, but `null` is refused: for fields that are not nullable by design
 * (class-validator's `@IsOptional()` lets null through to the service as if it were absent).
 * Nullable fields keep `@IsOptional()`.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy(
      {
        name: 'isNotNull',
        validator: {
          validate: (value) => value !== null,
          defaultMessage: () => 'tidak boleh null; tinggalkan kolom ini bila tidak diubah',
        },
      },
      options,
    ),
  );
}

/** Unpaired UTF-16 surrogates: text that is not valid Unicode (with the `u` flag, pairs are one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/**
 * Single-line text: no C0/C1 control characters (NUL, ESC, line breaks, tabs, DEL), no line or
 * paragraph separators, and no bidirectional embedding/override/isolate controls, which can make
 * a name display as something other than what it is.
 */
const SINGLE_LINE_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** Multi-line text keeps line breaks and tabs but no other control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export function isSingleLineText(value: unknown): boolean {
  return (
    typeof value !== 'string' || !(SINGLE_LINE_FORBIDDEN.test(value) || LONE_SURROGATE.test(value))
  );
}

export function isMultiLineText(value: unknown): boolean {
  return (
    typeof value !== 'string' || !(MULTI_LINE_FORBIDDEN.test(value) || LONE_SURROGATE.test(value))
  );
}

/**
 * Names and other one-line fields: refuses control characters (NUL included), line breaks and
 * invalid Unicode. Values that are not strings are left to the type rule (`@IsString()`).
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: isSingleLineText,
        defaultMessage: () => 'tidak boleh memuat karakter kendali atau pindah baris',
      },
    },
    options,
  );
}

/** Descriptions, messages, notes: line breaks and tabs are kept, other control characters refused. */
export function MultiLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'multiLine',
      validator: {
        validate: isMultiLineText,
        defaultMessage: () => 'tidak boleh memuat karakter kendali',
      },
    },
    options,
  );
}

/**
 * An e-mail address as class-validator's `@IsEmail()` checks it, except that text which is not
 * valid Unicode is refused first: validator.js throws on a lone surrogate (a 500), not false.
 * The constraint keeps the name `isEmail`, so the message is the same as before.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value) =>
          typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: () => 'harus berupa alamat e-mail',
      },
    },
    options,
  );
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists in the Gregorian calendar (no 2026-02-30, no month 13). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM` with a month 01-12. */
export function isCalendarMonth(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = MONTH.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  return Number(match[1]) >= 1 && month >= 1 && month <= 12;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: () => 'harus tanggal yang ada, berbentuk YYYY-MM-DD',
      },
    },
    options,
  );
}

export function IsCalendarMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarMonth',
      validator: {
        validate: isCalendarMonth,
        defaultMessage: () => 'harus bulan yang ada, berbentuk YYYY-MM',
      },
    },
    options,
  );
}

/**
 * An ISO 8601 date or date-time whose calendar date exists (validator.js checks the day only in
 * strict mode), with years 1000-9999 so that `Date` and both databases can hold it.
 */
export function isIsoInstant(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^[1-9]\d{3}-/.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: isIsoInstant,
        defaultMessage: () => 'harus tanggal/waktu ISO 8601 yang ada, mis. 2026-03-18T09:00+08:00',
      },
    },
    options,
  );
}

/**
 * Decorators in the order they would stand above a field. TypeScript applies a field's
 * decorators bottom-up, and the 400's messages follow that order (`validation-errors.ts`), so
 * they are applied here last first: a field using the bundle reads as one written out.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/**
 * A non-empty list of distinct values, each one of `allowed`: what an API token may do, which
 * events a webhook hears.
 */
export function IsChoiceList(allowed: readonly string[]): PropertyDecorator {
  return stacked(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(allowed.length),
    ArrayUnique(),
    IsIn([...allowed], { each: true }),
  );
}

/** An office code that may be left out (an API token or webhook for every office). */
export function IsOptionalOfficeCode(): PropertyDecorator {
  return stacked(IsOptionalNotNull(), IsString(), SingleLine(), IsNotEmpty(), MaxLength(40));
}
