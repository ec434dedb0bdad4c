/** Elements mail programs wrap quoted earlier messages in. */
const QUOTE_SELECTOR =
  'blockquote, .gmail_quote, .moz-cite-prefix, [type="cite"], #appendonsend, #divRplyFwdMsg';

/**
 * The HTML of an e-mail with the quoted earlier messages taken out (`quoted` says whether there
 * were any), so the workspace shows what the requester wrote and folds the rest. The HTML was
 * sanitised by the API; it is parsed here as an inert document, never run.
 */
export function foldQuoted(html: string): { html: string; quoted: boolean } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const quotes = Array.from(doc.querySelectorAll(QUOTE_SELECTOR));
  if (!quotes.length) return { html, quoted: false };
  for (const quote of quotes) quote.remove();
  return { html: doc.body.innerHTML, quoted: true };
}
