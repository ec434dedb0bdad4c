import { COMPLAINT_NUMBER_MARKER, type ComplaintCategory } from '@sigap/contracts';

const CATEGORY_LABEL: Record<ComplaintCategory, string> = {
  pengaduan: 'Pengaduan',
  saran: 'Saran',
  masukan: 'Masukan',
};

/** Complaint numbers: `ADU` + the office's ticket prefix, a counter of their own per year. */
export function complaintPrefix(ticketPrefix: string): string {
  return `${COMPLAINT_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}

/** Control characters other than line breaks and tabs are dropped from text from outside. */
export function cleanText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const code = ch.charCodeAt(0);
    if (code === 9 || code === 10 || (code >= 32 && code !== 127)) out += ch;
  }
  return out;
}

/** A complaint's ticket subject: its category and its own subject or first line, shortened. */
export function subjectOf(
  category: ComplaintCategory,
  subject: string | null,
  text: string,
): string {
  const label = CATEGORY_LABEL[category];
  const base = subject?.trim() || text.split('\n')[0].trim();
  const short = base.length > 120 ? `${base.slice(0, 117)}…` : base;
  return `${label}: ${short}`.slice(0, 300);
}
