import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { fromParsedMail } from '../lib/from-parsed-mail';
import { InboundMessage } from '../lib/types';

/** Test helper: a raw .eml through a real MIME parser (mailparser) into an InboundMessage. */
export async function parseEml(raw: Buffer | string): Promise<InboundMessage> {
  const parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true });
  return fromParsedMail(parsed);
}

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

export async function loadFixture(file: string): Promise<InboundMessage> {
  return parseEml(readFileSync(join(FIXTURES_DIR, file)));
}
