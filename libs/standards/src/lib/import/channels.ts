/**
 * Complaint channels as offices publish them: one per line ("Email : x@y.go.id"), a paragraph
 * that names several ("... melalui surat ... Telpon (0761) 45505, e-mail : ..."), or a run of
 * labelled channels in one cell ("Website : https://... Telepon : (0552) 2031390 Email : ...
 * SPAN Lapor (lapor.go.id) Instagram : dkip"). A run is cut at each channel label; each piece
 * keeps its label and value.
 */
import type { ComplaintChannel, ComplaintChannelKind } from '../model';

interface Label {
  re: RegExp;
  kind: ComplaintChannelKind;
  /** Name used in the value of channels the model has no kind for ("Instagram: @dinas"). */
  name?: string;
  /** What the value is: a number, an address, a handle, or free text up to the next label. */
  value: 'phone' | 'email' | 'url' | 'handle' | 'text' | 'none';
}

// Longer names first: "SP4N-LAPOR!" before "LAPOR!", "WA Center" before "WA".
const LABELS: Label[] = [
  {
    re: /SP4N[\s-]*LAPOR!?|SPAN[\s-]*LAPOR!?|(?<![\w.])LAPOR!/iy,
    kind: 'sp4n-lapor',
    value: 'url',
  },
  { re: /(?:aplikasi\s+)?(?:www\.)?lapor\.go\.id/iy, kind: 'sp4n-lapor', value: 'none' },
  {
    re: /(?:No\.?\s*)?(?:Telepon|Telpon|Telp|Tlp|Phone|Hotline|Call\s*Center)\b\.?(?:\s*\/\s*(?:WA|WhatsApp|SMS|Fax|Faks)\b)?/iy,
    kind: 'phone',
    value: 'phone',
  },
  { re: /(?:No\.?\s*)?(?:HP|Handphone)\b\.?/y, kind: 'phone', value: 'phone' },
  { re: /SMS(?:\s+Center)?\b/iy, kind: 'phone', name: 'SMS', value: 'phone' },
  { re: /(?:Faksimile|Faximile|Facsimile|Fax|Faks)\b\.?/iy, kind: 'fax', value: 'phone' },
  { re: /(?:E-?mail|Surel|Surat\s+elektronik)\b/iy, kind: 'email', value: 'email' },
  { re: /(?:Website|Situs\s+web|Situs|Laman|Web)\b/iy, kind: 'website', value: 'url' },
  {
    re: /(?:No\.?\s*)?(?:WhatsApp|Whatsapp|WA)(?:\s+Center)?\b/y,
    kind: 'other',
    name: 'WhatsApp',
    value: 'phone',
  },
  { re: /(?:No\.?\s*)?Telegram\b/iy, kind: 'other', name: 'Telegram', value: 'handle' },
  { re: /Instagram\b|IG\b/y, kind: 'other', name: 'Instagram', value: 'handle' },
  { re: /Facebook\b|FB\b/y, kind: 'other', name: 'Facebook', value: 'handle' },
  { re: /Twitter\b/iy, kind: 'other', name: 'Twitter', value: 'handle' },
  { re: /YouTube\b/iy, kind: 'other', name: 'YouTube', value: 'handle' },
  { re: /TikTok\b/iy, kind: 'other', name: 'TikTok', value: 'handle' },
  {
    re: /(?:Kotak\s+(?:Pengaduan|Saran)(?:\s+dan\s+(?:Pengaduan|Saran))?)/iy,
    kind: 'other',
    name: 'Kotak Pengaduan',
    value: 'text',
  },
  {
    re: /(?:Secara\s+|Dengan\s+)?(?:Datang\s+langsung|Tatap\s+muka(?:\s+langsung)?|Langsung)\b/iy,
    kind: 'other',
    name: 'Datang langsung',
    value: 'text',
  },
  { re: /(?:Surat(?!\s+elektronik)|Tertulis)\b/iy, kind: 'letter', value: 'text' },
];

const VALUE_RE: Record<'phone' | 'email' | 'url' | 'handle', RegExp> = {
  phone: /^[\s:]*((?:\+?\(?\d[\d()\s.–-]*\d)|https?:\/\/wa\.me\/\d+)/,
  email: /^[\s:]*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/,
  url: /^[\s:]*\(?((?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:\/[^\s)]*)?)\)?/,
  handle: /^[\s:]*(@?[\w.]+)/,
};

interface Found {
  /** Where the label starts and ends. */
  at: number;
  end: number;
  label: Label;
  /** The value right after the label (a number, an address, a handle), when it has one. */
  value: string | null;
  /** Where that value ends (or `end` when there is none). */
  valueEnd: number;
}

/** The channel labels found at word starts in `text`, in order, with their values. */
function findLabels(text: string): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\w@./-]/.test(text[i - 1])) continue; // only at the start of a word
    for (const label of LABELS) {
      label.re.lastIndex = i;
      const m = label.re.exec(text);
      if (!m || m[0].length === 0) continue;
      const end = i + m[0].length;
      let value: string | null = null;
      let valueEnd = end;
      if (label.value !== 'text' && label.value !== 'none') {
        const v = VALUE_RE[label.value].exec(text.slice(end));
        if (v) {
          value = v[1].trim();
          valueEnd = end + v[0].length;
        }
      }
      found.push({ at: i, end, label, value, valueEnd });
      i = valueEnd - 1; // labels inside a value ("lapor.go.id" of "SPAN Lapor (lapor.go.id)") are not labels
      break;
    }
  }
  return found;
}

/**
 * True when an item is a run of labelled channels rather than prose: it starts (after a lead-in
 * such as "Melalui :") with a channel label, and names at least two channels.
 */
const SEPARATORS = /^[\s,:;/&]*(?:(?:dan|serta)[\s,:;/&]*)?$/i;

/**
 * The labels a run is cut at: not a label whose value the next one gives ("Instagram, Twitter,
 * Facebook: @dinas" stays together), and not a described channel right after another described
 * one ("Tertulis disampaikan ke Kotak Pengaduan" is one channel).
 */
function cutLabels(text: string): Found[] {
  const labels = findLabels(text);
  const cuts: Found[] = [];
  for (let k = 0; k < labels.length; k++) {
    const f = labels[k];
    const prev = labels[k - 1];
    if (prev) {
      const between = text.slice(prev.valueEnd, f.at);
      if (prev.value === null && prev.label.value !== 'text' && SEPARATORS.test(between)) continue;
      if (f.label.value === 'text' && prev.label.value === 'text') continue;
      // "Kotak Pengaduan : www.lapor.go.id": what follows a described channel's colon is its value.
      if (prev.label.value === 'text' && SEPARATORS.test(between) && between.includes(':'))
        continue;
    }
    cuts.push(f);
  }
  return cuts;
}

/** True when an item is a run of labelled channels (it starts with one and names two or more). */
function isLabelledRun(text: string): boolean {
  const labels = cutLabels(text);
  return labels.length >= 2 && labels[0].at === 0;
}

const LEAD_IN =
  /^(?:pengaduan[^:]{0,60}|melalui|via|kontak|hubungi[^:]{0,30}|media\s+sosial|medsos|sosial\s+media)\s*:\s*/i;

/** True when a piece is only a lead-in ("a. Pengaduan dapat dilakukan melalui :"). */
export function isLeadIn(item: string): boolean {
  return /^[^:]{0,80}\b(?:melalui|via|sebagai berikut|antara lain)\s*:?\s*$/i.test(item.trim());
}

/**
 * Cuts a run of labelled channels into items as written ("Telepon : (0552) 2031390"), one per
 * channel; words that follow a value without a label of their own ("Klungkung Mesadu") become
 * an item of their own. Prose and single channels come back whole.
 */
export function splitChannelRun(item: string): string[] {
  const text = item.replace(LEAD_IN, '').trim();
  if (!isLabelledRun(text)) return [item];
  const labels = cutLabels(text);
  const pieces: string[] = [];
  for (let k = 0; k < labels.length; k++) {
    const f = labels[k];
    const next = k + 1 < labels.length ? labels[k + 1].at : text.length;
    const tidy = (s: string) => s.trim().replace(/^[),;.\s]+|[,;\s]+$/g, '');
    if (f.value !== null) {
      const own = text.slice(f.at, f.valueEnd);
      const rest = tidy(text.slice(f.valueEnd, next));
      // An empty value that a later label shares ("Instagram, Twitter, Facebook: @dinas") stays.
      pieces.push(tidy(own));
      if (/[A-Za-z]{3,}/.test(rest) && !/^(?:atau|dan|serta|maupun)$/i.test(rest))
        pieces.push(rest);
    } else pieces.push(tidy(text.slice(f.at, next)));
  }
  return pieces.filter(Boolean);
}

/**
 * Channels of one published piece ("Email : x@y", "SP4N Lapor www.lapor.go.id", "Instagram,
 * Twitter, Facebook: @dinas", "Tertulis disampaikan ke Kotak Pengaduan"); null when the piece
 * does not start with a channel label.
 */
export function channelsOfPiece(item: string): ComplaintChannel[] | null {
  const text = item.replace(LEAD_IN, '').trim();
  const labels = findLabels(text);
  if (labels.length === 0 || labels[0].at > 0) return null;
  const first = labels[0].label;
  // A piece led by a described channel (a letter, a visit, the complaint box, SP4N-LAPOR!) is
  // one channel, as written.
  if (first.value === 'text' || first.kind === 'sp4n-lapor') {
    return [{ kind: first.kind, value: text.replace(/[;.]$/, '').trim() }];
  }
  // "Instagram, Twitter, Facebook: @dinas": labels with no value share the next one's.
  const out: ComplaintChannel[] = [];
  const waiting: Label[] = [];
  for (let k = 0; k < labels.length; k++) {
    const f = labels[k];
    const between = text.slice(f.valueEnd, k + 1 < labels.length ? labels[k + 1].at : text.length);
    if (
      f.value === null &&
      /^[\s,:;/&]*(?:dan|serta)?[\s,:;/&]*$/i.test(between) &&
      k + 1 < labels.length
    ) {
      waiting.push(f.label);
      continue;
    }
    // A label that should carry a number or an address but has none ("Email Dinas") is not a
    // channel.
    if (f.value === null && f.label.value !== 'none') continue;
    const first = f.value ?? between.replace(/^[\s:]+|[\s;.,]+$/g, '');
    if (!first) continue;
    const values = [first];
    // "Email : a@x.go.id, b@gmail.com", "Telp. 0812 ... / 0813 ...": more values of the same kind.
    if (f.value !== null && f.label.value !== 'text' && f.label.value !== 'none') {
      let rest = between;
      for (;;) {
        rest = rest.replace(/^[\s,;/]*(?:atau|dan|serta)?[\s,;/]*/i, '');
        const more = f.label.value === 'handle' ? null : VALUE_RE[f.label.value].exec(rest);
        if (!more || !rest) break;
        values.push(more[1].trim());
        rest = rest.slice(more[0].length);
      }
    }
    for (const value of values) {
      for (const l of [...waiting, f.label]) {
        out.push({
          kind: l.kind,
          value: l.name && l.kind === 'other' ? `${l.name}: ${value}` : value,
        });
      }
    }
    waiting.length = 0;
  }
  return out.length > 0 ? out : null;
}
