/**
 * Numbered lists as standards publish them: one item per line ("1. ...", "1. 1. ...", "- ..."),
 * or several items run together in one line ("1. Server2. Perangkat Komputer3. ...",
 * "1. Dilakukan ... berjenjang. 2. Dilakukan ...").
 */

const LEADING_NUMBER = /^\s*(?:(?:\d{1,3}|[a-zA-Z])[.)]\s*)+/;
const LEADING_BULLET = /^\s*[-*•·▪]\s+/;

/** Removes list numbering ("1. ", "1. 1. ", "a) ", "- ") from the start of a line. */
export function stripNumbering(line: string): string {
  return line.replace(LEADING_NUMBER, '').replace(LEADING_BULLET, '').trim();
}

/** The number a line starts with ("12. ..." -> 12), or null. */
export function leadingNumber(line: string): number | null {
  const m = /^\s*(\d{1,3})[.)]\s*(?=\S)/.exec(line);
  return m ? Number(m[1]) : null;
}

function findNext(text: string, n: number, from: number): number {
  const num = String(n);
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
  let pos = (/^\s*\d{1,3}[.)]\s*/.exec(line)?.[0].length ?? 0) + 1;
  for (;;) {
    const at = findNext(line, n, pos);
    if (at < 0) break;
    starts.push(at);
    pos = at + String(n).length + 1;
    n++;
  }
  const items: string[] = [];
  for (let k = 0; k < starts.length; k++) {
    const piece = line.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined);
    const bare = piece.replace(/^\s*\d{1,3}[.)]?\s*/, '').trim();
    if (bare) items.push(bare);
  }
  return items;
}

/** Items of a list section: each line (or run within a line) is an item, numbering removed. */
export function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (leadingNumber(line) !== null) items.push(...splitNumberedRun(line).map(stripNumbering));
    else {
      const item = stripNumbering(line);
      if (item) items.push(item);
    }
  }
  return items.filter((i) => i !== '');
}
