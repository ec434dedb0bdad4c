import type { CannedPlaceholder } from '@sigap/contracts';

/** `{{ name }}`, spaces inside the braces allowed (as the API reads them). */
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/**
 * The text of a canned response with its placeholders filled. A placeholder without a value is
 * left as written, so the agent sees what still needs filling before sending.
 */
export function fillCanned(
  body: string,
  values: Partial<Record<CannedPlaceholder, string | null>>,
): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Record<string, string | null | undefined>)[name];
    return value ? value : whole;
  });
}

/** Inserts `insert` into `text` at the selection, with a blank line apart from text around it. */
export function insertAt(
  text: string,
  insert: string,
  start: number,
  end: number = start,
): { text: string; caret: number } {
  const before = text.slice(0, Math.max(0, start));
  const after = text.slice(Math.max(start, end));
  const lead = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = after && !after.startsWith('\n') ? '\n\n' : '';
  const merged = before + lead + insert + trail + after;
  return { text: merged, caret: (before + lead + insert).length };
}
