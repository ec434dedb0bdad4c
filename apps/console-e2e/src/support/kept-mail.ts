import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { e2e } from './global-setup';

/**
 * Kept messages already read, by file name. A kept file is written once and never changed, and
 * the folder grows through the whole run: reading every file again on each poll made a late
 * journey's wait longer than its deadline.
 */
const parsed = new Map<string, ParsedMail>();

/**
 * The first kept message (outgoing mail is kept as `.eml` under the data folder when no SMTP
 * server is set; the outbox worker sends within its interval) that matches.
 */
export async function waitForMail(match: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
  const dir = join(e2e.sigap.dataDir, 'mail', 'kept');
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    } catch {
      // not created yet
    }
    for (const file of files) {
      const path = join(dir, file);
      let mail = parsed.get(path);
      if (!mail) {
        mail = await simpleParser(readFileSync(path));
        parsed.set(path, mail);
      }
      if (match(mail)) return mail;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no matching mail in ${dir}`);
}

/** The addresses a message was sent to, comma-separated. */
export const mailTo = (mail: ParsedMail): string =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .join(',');
