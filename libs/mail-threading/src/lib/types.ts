/** A header value as the caller found it: one string, or several when the header repeats. */
export type HeaderValue = string | string[];

/** One address of From/To/Cc. `address` is compared case-insensitively everywhere. */
export interface MailAddress {
  address: string;
  name?: string;
}

/** What the library needs to know of an attachment or a non-body MIME part. */
export interface AttachmentMeta {
  filename?: string;
  /** Lowercase MIME type, e.g. `application/pdf`, `message/delivery-status`. */
  contentType: string;
  size: number;
  /** Content-ID without angle brackets, for `cid:` images. */
  contentId?: string;
  disposition?: string;
  /**
   * Decoded text of structural parts only (`message/delivery-status`, `message/rfc822`,
   * `text/rfc822-headers`, `message/global-*`), so bounces can be read. Leave empty for files.
   */
  content?: string;
}

/**
 * A parsed inbound e-mail in a plain shape. The API fills it from mailparser
 * (see `fromParsedMail`); the library never parses MIME itself.
 */
export interface InboundMessage {
  /** Header name in lowercase -> unfolded raw value(s). */
  headers: Record<string, HeaderValue>;
  from?: MailAddress | null;
  to?: MailAddress[];
  cc?: MailAddress[];
  subject?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  text?: string | null;
  html?: string | null;
  attachments?: AttachmentMeta[];
  date?: Date | null;
}
