import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from './draft';
import { importStandard } from './import';

/**
 * Whatever is pasted, the importer answers with a draft or with `ImportError` (a 422), never
 * with any other error (a 500): arbitrary text, and published texts cut, spliced and retyped.
 */
const dir = join(__dirname, 'fixtures');
const texts = [
  ...readdirSync(dir)
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8')),
  ...readdirSync(join(dir, 'shapes')).map((f) => readFileSync(join(dir, 'shapes', f), 'utf8')),
];

function answers(text: string, type: string): void {
  try {
    const r = importStandard(text, type);
    expect(typeof r.name).toBe('string');
    expect(Array.isArray(r.warnings)).toBeTrue();
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
  }
}

const types = fc.constantFrom('text/plain', 'text/markdown', 'text/html');

describe('importStandard: any input', () => {
  it('answers arbitrary text with a draft or ImportError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), types, (text, type) => answers(text, type)),
      { numRuns: 300 },
    );
  });

  it('answers published texts cut and spliced at random places', () => {
    const piece = fc
      .record({
        t: fc.integer({ min: 0, max: texts.length - 1 }),
        a: fc.nat(),
        b: fc.nat(),
      })
      .map(({ t, a, b }) => {
        const s = texts[t];
        const i = a % (s.length + 1);
        const j = b % (s.length + 1);
        return s.slice(Math.min(i, j), Math.max(i, j));
      });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), types, (parts, type) =>
        answers(parts.join('\n'), type),
      ),
      { numRuns: 300 },
    );
  });

  it('answers texts full of the characters the readers split on', () => {
    const alphabet = fc.constantFrom(
      '|',
      '\t',
      ':',
      '(',
      ')',
      '<',
      '>',
      '/',
      '-',
      '.',
      ',',
      ';',
      '\n',
      ' ',
      '1',
      '2',
      'a',
      'b',
      'x',
      '√',
      '½',
      'jam',
      'hari',
      's.d',
      'Persyaratan',
      'Prosedur',
      'KEGIATAN',
      'PELAKSANA',
      'Waktu',
      'Email',
      'Telepon',
      '<td colspan=3>',
      '<tr>',
      '<table>',
      '<li>',
      '<ol>',
      '#',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), types, (parts, type) =>
        answers(parts.join(''), type),
      ),
      { numRuns: 300 },
    );
  });
});
