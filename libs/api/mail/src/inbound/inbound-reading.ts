// Reading an inbound message: its MIME parsed as far as it goes, and the raw message and its
// attachments kept on disk, content-addressed.
import { createHash } from 'node:crypto';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    // The parser hashes each attachment as it decodes it (SHA-256: the stored file's name).
    // Neither conversion between text and HTML is used: the display HTML is the sanitised
    // original, and an HTML-only message gets its text from the library's own tokenizer
    // (much cheaper than the parser's html-to-text rendering, and what the rest reads anyway).
    const parsed = await simpleParser(raw, {
      keepDeliveryStatus: true,
      skipImageLinks: true,
      skipTextToHtml: true,
      skipHtmlToText: true,
      checksumAlgo: 'sha256',
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

/** The data folder's store of raw inbound messages and their attachments. */
export class InboundFiles {
  private readonly madeDirs = new Set<string>();

  constructor(private readonly dataDir: string) {}

  /** Where raw messages and attachments are kept. */
  rawPath(hash: string): string {
    return join(this.dataDir, 'mail', 'inbound', `${hash}.eml`);
  }

  /**
   * Writes a content-addressed file once (an existing one is the same bytes). Asynchronous, so
   * large messages do not hold up the other requests while the disk writes.
   */
  async keep(
    folder: 'inbound' | 'attachments',
    hash: string,
    data: Buffer,
    ext: string,
  ): Promise<void> {
    const dir = join(this.dataDir, 'mail', folder);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const file = join(dir, `${hash}${ext}`);
    try {
      await writeFile(file, data, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Received again: renewed, so the retention sweep counts its age from now.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
    }
  }
}
