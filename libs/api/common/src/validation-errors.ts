import type { ValidationError } from 'class-validator';
import type { FieldError } from './domain-error';

/** Indonesian wording for class-validator constraints; English text stays as a fallback. */
const MESSAGES: Record<string, (constraint: string) => string> = {
  whitelistValidation: () => 'kolom ini tidak dikenal',
  isDefined: () => 'wajib diisi',
  isNotEmpty: () => 'tidak boleh kosong',
  isString: () => 'harus berupa teks',
  isInt: () => 'harus berupa bilangan bulat',
  isBoolean: () => 'harus bernilai true atau false',
  isArray: () => 'harus berupa daftar',
  isObject: () => 'harus berupa objek',
  nestedValidation: () => 'harus berupa objek',
  isEmail: () => 'harus berupa alamat e-mail',
  isIn: (c) => `nilai tidak dikenal (${c.replace(/^.*?: /, '')})`,
  isEnum: (c) => `nilai tidak dikenal (${c.replace(/^.*?: /, '')})`,
  min: (c) => `minimal ${lastNumber(c)}`,
  max: (c) => `maksimal ${lastNumber(c)}`,
  maxLength: (c) => `maksimal ${lastNumber(c)} karakter`,
  minLength: (c) => `minimal ${lastNumber(c)} karakter`,
  arrayMinSize: (c) => `minimal ${lastNumber(c)} isi`,
  arrayMaxSize: (c) => `maksimal ${lastNumber(c)} isi`,
  matches: () => 'formatnya tidak sesuai',
};

function lastNumber(text: string): string {
  const numbers = text.match(/-?\d+(\.\d+)?/g);
  return numbers ? numbers[numbers.length - 1] : '?';
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * Which failure a field reports when several rules fail: unknown field, then required, then
 * the type, then emptiness, then everything else (format, length, range) in declaration order.
 * A missing `name` is "wajib diisi", not "maksimal 200 karakter".
 */
const PRECEDENCE = [
  'whitelistValidation',
  'isDefined',
  'isNotNull',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isIn',
  'isEnum',
  'isNotEmpty',
];

function rank(key: string): number {
  const index = PRECEDENCE.indexOf(key);
  return index === -1 ? PRECEDENCE.length : index;
}

/** One message for one failing field: "wajib diisi" when absent, else the foremost rule. */
function fieldMessage(error: ValidationError): string | null {
  const entries = Object.entries(error.constraints ?? {});
  if (!entries.length) return null;
  if (error.value === undefined && !('whitelistValidation' in (error.constraints ?? {}))) {
    return MESSAGES['isDefined']('');
  }
  // class-validator lists constraints in reverse declaration order; restore it, then rank.
  const [key, text] = entries
    .reverse()
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.order - b.order)[0].entry;
  if (error.value === null && key !== 'isNotNull' && key !== 'whitelistValidation') {
    return MESSAGES['isDefined']('');
  }
  const wording = MESSAGES[key];
  return wording ? wording(text) : text;
}

/**
 * Flattens class-validator's error tree into field paths in the style of the catalog model:
 * `steps[2].time`, `requirements[0].options[1].items`, one message per field.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const message = fieldMessage(error);
    if (message !== null) out.push({ path, message });
    else if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}
