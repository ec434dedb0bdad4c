export * from './lib/types';
export * from './lib/errors';
export {
  headerValue,
  headerValues,
  headerMapFromLines,
  parseHeaderBlock,
  normalizeMessageId,
  parseMessageIdList,
  normalizeAddress,
  senderAddress,
} from './lib/headers';
export * from './lib/identifiers';
export * from './lib/thread';
export * from './lib/classify';
export * from './lib/quotes';
export { sanitizeHtml, sanitizeStyle, safeLinkUrl } from './lib/sanitize';
export type { SanitizeOptions } from './lib/sanitize';
export { htmlToText, decodeEntities, tokenizeHtml } from './lib/html-tokenizer';
export type { HtmlToken, HtmlAttr } from './lib/html-tokenizer';
export * from './lib/rate-limit';
export * from './lib/from-parsed-mail';
