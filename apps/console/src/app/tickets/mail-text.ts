import { removeMarkerLines, stripQuoted } from '@sigap/mail-threading/quotes';

/** A plain-text e-mail split for reading: the sender's own words, and the whole as sent. */
export interface FoldedText {
  /** What the sender wrote (with their signature), without the quoted history. */
  own: string;
  /** The whole text, quoted history included. */
  whole: string;
  /** True when there was quoted history to fold. */
  quoted: boolean;
}

const QUOTE_LINE = /^\s*>/;

/**
 * Splits a plain-text e-mail the way the API splits it on arrival (the same library): `>`
 * quotes with the attribution before them ("On … wrote:", "Pada … menulis:"), Outlook's
 * "-----Original Message-----" and "From: … Sent: …" blocks, forwarded messages, and the quote a
 * phone puts under "Sent from my iPhone". A message that is all quote has nothing else to show,
 * so nothing is folded.
 */
export function foldQuotedText(text: string): FoldedText {
  const whole = removeMarkerLines(text.replace(/\r\n?/g, '\n'))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const split = stripQuoted(whole);
  // A phone's quote comes after its "Sent from" line, which the library counts as signature.
  const signature = split.signature.split('\n');
  const quoteAt = signature.findIndex((line) => QUOTE_LINE.test(line));
  const ownSignature = (quoteAt < 0 ? signature : signature.slice(0, quoteAt)).join('\n').trim();
  if (!split.quoted.trim() && quoteAt < 0) return { own: whole, whole, quoted: false };
  const own = [split.visible, ownSignature].filter((part) => part.trim()).join('\n\n');
  return { own, whole, quoted: true };
}
