/**
 * Lists as standards publish them: one item per line ("1. ...", "1. 1. ...", "a. ...", "- ..."),
 * items wrapped over several lines (text copied out of a PDF), or several items run together in
 * one line or table cell ("1. Server2. Perangkat Komputer3. ...", "a. Pemohon ... b. Mengisi ...",
 * "1. Dilakukan ... berjenjang. 2. Dilakukan ..."). Also the run-on forms of particular
 * components: legal instruments one after another, competencies that each start with the same
 * word, facilities separated by commas.
 */

const LEADING_NUMBER = /^\s*(?:(?:\(?\d{1,3}[.)]|\(\d{1,3}\))\s*)+/;
const LEADING_LETTER = /^\s*(?:\(?[a-zA-Z][.)]|\([a-zA-Z]\))\s+/;
const LEADING_BULLET = /^\s*[-–*•·▪►➢✓√]\s*(?=\S)/;

/** Removes list numbering ("1. ", "1. 1. ", "a) ", "(b) ", "- ") from the start of a line. */
export function stripNumbering(line: string): string {
  return line
    .replace(LEADING_NUMBER, '')
    .replace(LEADING_LETTER, '')
    .replace(LEADING_BULLET, '')
    .trim();
}

/** The number a line starts with ("12. ..." -> 12), or null. */
export function leadingNumber(line: string): number | null {
  const m = /^\s*\(?(\d{1,3})[.)]\s*(?=\S)/.exec(line);
  return m ? Number(m[1]) : null;
}

/** The letter a line starts with as a list marker ("b. ..." -> "b"), or null. */
export function leadingLetter(line: string): string | null {
  const m = /^\s*\(?([a-z])[.)]\s+(?=\S)/.exec(line);
  return m ? m[1] : null;
}

/** True when a line starts with a list marker: a number, a lower-case letter or a bullet. */
export function hasMarker(line: string): boolean {
  return leadingNumber(line) !== null || leadingLetter(line) !== null || LEADING_BULLET.test(line);
}

function findNext(text: string, n: number, from: number, paren: boolean): number {
  const num = String(n);
  if (paren) {
    // "1) Server 2) Komputer", "(1) Server (2) Komputer"
    const re = new RegExp(`(?<=^|[\\s.;,:])\\(?${num}\\)\\s*(?=[A-Za-z(])`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? m.index : -1;
  }
  // "2. Undang", "Publik2. Undang", "berjenjang. 2. Dilakukan"
  const dotted = new RegExp(`(?<!\\d)${num}\\.\\s*(?=[A-Za-z(])`, 'g');
  dotted.lastIndex = from;
  const d = dotted.exec(text);
  if (d) return d.index;
  // "Nomenkaltur7 Permenpan": a bare number glued to the previous word
  const glued = new RegExp(`(?<=[a-z])${num}\\s+(?=[A-Z])`, 'g');
  glued.lastIndex = from;
  const g = glued.exec(text);
  return g ? g.index : -1;
}

/**
 * Splits a line that starts with "1." and carries "2.", "3." ... in sequence into its items,
 * numbering removed. A line without such a run comes back as one item.
 */
export function splitNumberedRun(line: string): string[] {
  const first = leadingNumber(line);
  if (first === null) return [line.trim()];
  const starts: number[] = [0];
  let n = first + 1;
  let pos = (/^\s*\(?\d{1,3}[.)]\s*/.exec(line)?.[0].length ?? 0) + 1;
  const paren = /^\s*\(?\d{1,3}\)/.test(line);
  for (;;) {
    const at = findNext(line, n, pos, paren);
    if (at < 0) break;
    starts.push(at);
    pos = at + String(n).length + 1;
    n++;
  }
  const items: string[] = [];
  for (let k = 0; k < starts.length; k++) {
    const piece = line.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined);
    const bare = piece.replace(/^\s*\(?\d{1,3}[.)]?\s*/, '').trim();
    if (bare) items.push(bare);
  }
  return items;
}

/**
 * Splits a line that starts with "a." (or "a)") and carries "b.", "c." ... in sequence, each after
 * a space or a punctuation mark ("... (PEMDES). b. Mengisi ..."), into its items.
 */
export function splitLetteredRun(line: string): string[] {
  const first = leadingLetter(line);
  if (first === null) return [line.trim()];
  const style = /^\s*\(?[a-z]([.)])/.exec(line)?.[1] ?? '.';
  const starts: number[] = [0];
  let code = first.charCodeAt(0) + 1;
  let pos = (/^\s*\(?[a-z][.)]\s+/.exec(line)?.[0].length ?? 0) + 1;
  while (code <= 'z'.charCodeAt(0)) {
    const letter = String.fromCharCode(code);
    const re = new RegExp(`(?<=^|[\\s.;,:])\\(?${letter}\\${style}\\s+(?=\\S)`, 'g');
    re.lastIndex = pos;
    const m = re.exec(line);
    if (!m) break;
    starts.push(m.index);
    pos = m.index + m[0].length;
    code++;
  }
  const items: string[] = [];
  for (let k = 0; k < starts.length; k++) {
    const piece = line.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined);
    const bare = piece.replace(/^\s*\(?[a-z][.)]\s*/, '').trim();
    if (bare) items.push(bare);
  }
  return items;
}

/** A line that stops mid-phrase: it ends in a conjunction, preposition or comma. */
const DANGLING = /(?:\b(?:dan|serta|yang|untuk|dengan|di|ke|dari|oleh|pada|kepada)|,)$/i;

/**
 * Joins wrapped lines to the item they continue. In a list whose items carry markers, a line
 * without one continues the item above (a PDF line break, a cell broken over two rows).
 */
export function joinWrapped(lines: string[]): string[] {
  const marked = lines.some(hasMarker);
  if (!marked) {
    // Without markers a line is an item, unless it breaks off mid-phrase ("... terpasang dan").
    const out: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const prev = out[out.length - 1];
      if (prev !== undefined && DANGLING.test(prev)) out[out.length - 1] = `${prev} ${line}`;
      else out.push(line);
    }
    return out;
  }
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!hasMarker(line) && out.length > 0 && hasMarker(out[out.length - 1])) {
      out[out.length - 1] += ` ${line}`;
    } else out.push(line);
  }
  return out;
}

/** Items of a list section: each line (or run within a line) is an item, numbering removed. */
/** "- Surat permohonan - Formulir - KTP", "• A • B": bullets run together in one line. */
function splitBulletRun(line: string): string[] {
  const m = /^\s*([-–•·▪*])\s+/.exec(line);
  if (!m) return [line];
  const bullet = m[1].replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&');
  const parts = line.split(new RegExp(`\\s+${bullet}\\s+(?=[A-Z(])`));
  // A dash also joins ranges ("Senin - Jumat"): a dash run needs three items or more.
  const needed = /[-–]/.test(m[1]) ? 3 : 2;
  return parts.length >= needed ? parts : [line];
}

export function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of joinWrapped(lines).flatMap(splitBulletRun)) {
    if (leadingNumber(line) !== null) items.push(...splitNumberedRun(line).map(stripNumbering));
    else if (leadingLetter(line) !== null)
      items.push(...splitLetteredRun(line).map(stripNumbering));
    else {
      const item = stripNumbering(line);
      if (item) items.push(item);
    }
  }
  // The separators of a list written as one sentence ("...daerah;", "...pegawai; dan") go.
  return items
    .map((i) => i.replace(/\s*;\s*(?:dan|serta)?\s*$/i, '').trim())
    .filter((i) => /[\p{L}\p{N}]/u.test(i)); // "-", "–": a cell left empty on purpose
}

/** Words a legal instrument's name starts with. */
const INSTRUMENT =
  /(?:Undang[- ][Uu]ndang|UU\b|Peraturan\b|Perpres\b|Permen\w*|Perda\b|Perbup\b|Perwal\w*|Perwako\b|Pergub\b|Keputusan\b|Kepmen\w*|Kepres\b|Keppres\b|Instruksi\b|Inpres\b|Surat Edaran\b|SE\s+(?:Men|Gub|Bup|Wal))/;

/**
 * Legal instruments one after another in one item ("... Pelayanan Publik. Peraturan Presiden ...",
 * "UU Nomor 14 ..., Peraturan Pemerintah ..."): each instrument becomes an item. A name inside a
 * title ("tentang pelaksanaan Undang-Undang Nomor 14") is not cut: a cut needs a stop or a comma.
 */
export function splitInstruments(item: string): string[] {
  if (!INSTRUMENT.test(item.trimStart().slice(0, 40))) return [item];
  const re = new RegExp(`[.,;]\\s+(?=${INSTRUMENT.source})`, 'g');
  const parts: string[] = [];
  let last = 0;
  for (const m of item.matchAll(re)) {
    const at = m.index ?? 0;
    // "No. 25": a stop after an abbreviation is not the end of an instrument.
    if (/\b(?:No|Nomor|Thn|Tgl|RI)$/i.test(item.slice(last, at))) continue;
    parts.push(item.slice(last, at + 1));
    last = at + m[0].length;
  }
  parts.push(item.slice(last));
  return parts.map((p) => p.trim().replace(/[,;]$/, '').trim()).filter(Boolean);
}

/**
 * Items that each start with the same word, run together without punctuation ("Kegiatan Audit
 * oleh Inspektorat Kegiatan Audit Mutu Internal ...", "Memiliki ... internet Mampu berkomunikasi
 * ... Mampu mengoperasikan ..."): cut before each repeat of the first word, and before a
 * capitalised word that starts two or more pieces after a lower-case word.
 */
export function splitRepeatedHeads(item: string): string[] {
  const words = item.split(/\s+/).filter(Boolean);
  if (words.length < 6 || /[.;]\s/.test(item)) return [item];
  const head = words[0];
  if (!/^[A-Z][a-z]+$/.test(head)) return [item];
  const cuts = new Set<number>();
  words.forEach((w, i) => {
    if (i > 0 && w === head) cuts.add(i);
  });
  const afterLower = new Map<string, number[]>();
  words.forEach((w, i) => {
    if (i > 0 && /^[A-Z][a-z]{2,}$/.test(w) && /^[a-z]+$/.test(words[i - 1])) {
      afterLower.set(w, [...(afterLower.get(w) ?? []), i]);
    }
  });
  for (const at of afterLower.values()) if (at.length >= 2) at.forEach((i) => cuts.add(i));
  if (cuts.size === 0) return [item];
  const pieces: string[] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    pieces.push(words.slice(from, c).join(' '));
    from = c;
  }
  pieces.push(words.slice(from).join(' '));
  // Each piece must still read as an item, not a stray word.
  return pieces.every((p) => p.split(' ').length >= 2) ? pieces : [item];
}

/** "Jaringan Internet, Komputer, Videotron": short names separated by commas. */
export function splitCommaList(item: string): string[] {
  if (!item.includes(',')) return [item];
  const parts = item
    .replace(/[.;]\s*$/, '')
    .split(/\s*,\s*(?:dan\s+)?|\s+dan\s+(?=[^,]*$)/)
    .map((p) => p.trim())
    .filter(Boolean);
  const short = parts.every(
    (p) => p.split(/\s+/).length <= 5 && !/(^|\s)(me|ber|di)[a-z]{3,}/.test(p),
  );
  return parts.length >= 2 && short ? parts : [item];
}
