// Reading an inbound message: its MIME parsed as far as it goes.
import { createHash } from 'node:crypto';
import {
  fromParsedMail,
  htmlToText,
  parseHeaderBlock,
  type InboundMessage,
} from '@sigap/mail-threading';
import { simpleParser, type Attachment } from 'mailparser';

export interface StoredAttachment {
  filename: string;
  size: number;
  contentType: string;
  sha256: string;
}

export interface ReadMessage {
  message: InboundMessage;
  attachments: Attachment[];
  parseError: string | null;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function clip(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  return value.length > max ? value.slice(0, max) : value;
}

/** Reads as much of the MIME as possible; never throws. */
export async function readInboundMessage(raw: Buffer): Promise<ReadMessage> {
  try {
    // Neither conversion between text and HTML is used: the display HTML is the sanitised
    // original, and an HTML-only message gets its text from the library's own tokenizer
    // (much cheaper than the parser's html-to-text rendering, and what the rest reads anyway).
    const parsed = await simpleParser(raw, {
      keepDeliveryStatus: true,
      skipImageLinks: true,
      skipTextToHtml: true,
      skipHtmlToText: true,
    });
    const message = fromParsedMail(parsed);
    if (!message.text && message.html) message.text = htmlToText(message.html);
    return {
      message,
      attachments: parsed.attachments ?? [],
      parseError: null,
    };
  } catch (error) {
    // Headers at least: the block before the first empty line.
    const text = raw.toString('latin1');
    const headers = parseHeaderBlock(text.split(/\r?\n\r?\n/)[0] ?? '');
    const first = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : (v ?? null);
    };
    const from = first('from');
    const fromAddress = from ? (/[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? null) : null;
    return {
      message: {
        headers,
        from: fromAddress ? { address: fromAddress } : null,
        subject: first('subject'),
        messageId: first('message-id'),
        text: text.slice(text.search(/\r?\n\r?\n/) + 1),
      },
      attachments: [],
      parseError: clip(`MIME tidak terbaca: ${(error as Error).message}`, 500),
    };
  }
}
