// The limit is the tickets domain's (a reply is refused when written); the mail applies it too.
export { REPLY_ATTACHMENTS_MAX_BYTES } from '@sigap/api-tickets';

/** One file of an outgoing message, read from the attachment store when the mail is sent. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}
