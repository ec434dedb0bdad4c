import { highlightParts, searchWords } from './highlight';

describe('search highlighting', () => {
  const marked = (text: string, q: string) =>
    highlightParts(text, q)
      .map((p) => (p.hit ? `[${p.text}]` : p.text))
      .join('');

  it('marks the beginnings of words the search words start, without case', () => {
    expect(marked('Pembangunan Aplikasi SIMPEG', 'aplikas simpeg')).toBe(
      'Pembangunan [Aplikas]i [SIMPEG]',
    );
    expect(marked('aplikasi-aplikasi daerah', 'APLIKASI')).toBe('[aplikasi]-[aplikasi] daerah');
  });

  it('leaves text alone for short or empty searches, and never changes the text', () => {
    expect(marked('Permohonan baru', 'ba')).toBe('Permohonan baru');
    expect(marked('Permohonan baru', '')).toBe('Permohonan baru');
    const hostile = '<img src=x onerror=alert(1)> aplikasi';
    expect(
      highlightParts(hostile, 'aplikasi')
        .map((p) => p.text)
        .join(''),
    ).toBe(hostile);
  });

  it('reads search words as the server does', () => {
    expect(searchWords('+aplikas* -"SIMPEG" di')).toEqual(['aplikas', 'simpeg']);
  });
});
