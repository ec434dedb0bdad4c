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
 * Flattens class-validator's error tree into field paths in the style of the catalog model:
 * `steps[2].time`, `requirements[0].options[1].items`.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    for (const [key, text] of Object.entries(error.constraints ?? {})) {
      const wording = MESSAGES[key];
      out.push({ path, message: wording ? wording(text) : text });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}
