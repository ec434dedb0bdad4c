/**
 * The quote splitting alone, for the browser (the console folds quoted text the way the API cuts
 * it): nothing here needs Node.
 */
export { stripQuoted, stripQuotedHtml } from './lib/quotes';
export type { StrippedHtml, StrippedText } from './lib/quotes';
export { removeMarkerLines } from './lib/markers';
