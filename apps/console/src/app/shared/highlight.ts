import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface HighlightPart {
  text: string;
  hit: boolean;
}

/** Words of a search as the server reads them: letters and digits, three characters or more. */
export function searchWords(query: string): string[] {
  return [
    ...new Set(
      query
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3),
    ),
  ];
}

/**
 * The text cut into plain and matching parts: a match is a word of the text that starts with a
 * search word (the server matches words by prefix), compared without case. Plain text in and
 * out, rendered by interpolation: nothing here becomes HTML.
 */
export function highlightParts(text: string, query: string): HighlightPart[] {
  const words = searchWords(query);
  if (!words.length || !text) return [{ text, hit: false }];
  const parts: HighlightPart[] = [];
  // Words of the text with their positions (the same letters-and-digits rule).
  const word = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const lower = m[0].normalize('NFKC').toLowerCase();
    const prefix = words.find((w) => lower.startsWith(w));
    if (!prefix) continue;
    // Mark the matching beginning of the word.
    const end = m.index + Math.min(m[0].length, prefix.length);
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: text.slice(m.index, end), hit: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** Text with the words a search matched marked (`<mark>`). */
@Component({
  selector: 'sg-highlight',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (part of parts(); track $index) {
    @if (part.hit) {
      <mark>{{ part.text }}</mark>
    } @else {
      {{ part.text }}
    }
  }`,
  styles: `
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 2px;
    }
  `,
})
export class HighlightComponent {
  readonly text = input.required<string>();
  readonly query = input('');
  protected readonly parts = computed(() => highlightParts(this.text(), this.query()));
}
