import { CANNED_PLACEHOLDERS, type CannedPlaceholder } from '@sigap/contracts';

/** `{{ name }}` with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The placeholders a text uses, known ones in order of first use and unknown ones apart. */
export function scanPlaceholders(text: string): {
  known: CannedPlaceholder[];
  unknown: string[];
} {
  const known: CannedPlaceholder[] = [];
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if ((CANNED_PLACEHOLDERS as readonly string[]).includes(name)) {
      if (!known.includes(name as CannedPlaceholder)) known.push(name as CannedPlaceholder);
    } else if (!unknown.includes(name)) {
      unknown.push(name);
    }
  }
  return { known, unknown };
}
