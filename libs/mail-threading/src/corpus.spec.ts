import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  attachmentWarnings,
  classify,
  extractBounce,
  findMarker,
  loopGuard,
  matchThread,
  sanitizeHtml,
  stripQuoted,
  stripQuotedHtml,
  stripReplyPrefixes,
  ThreadLookups,
} from './index';
import { FIXTURES_DIR, loadFixture } from './testing/eml';
import { InboundMessage } from './lib/types';

interface Expected {
  lookups: {
    markerSecret: string;
    ourDomains: string[];
    loopHeaderValue: string;
    ourAddresses: string[];
    receivedMessageIds: Record<string, string>;
    participants: Record<string, string[]>;
    knownDomainSuffixes: string[];
    knownContacts: string[];
  };
  fixtures: FixtureCase[];
}
interface FixtureCase {
  file: string;
  client: string;
  classification: 'normal' | 'auto-reply' | 'bounce';
  reasonsInclude?: string[];
  thread?: Record<string, string>;
  marker?: string;
  visibleIncludes: string[];
  visibleExcludes: string[];
  htmlVisibleIncludes?: string[];
  htmlVisibleExcludes?: string[];
  signatureIncludes?: string[];
  bounce?: { recipients: string[]; status: string; permanent: boolean; originalMessageId: string };
  attachments?: {
    contentType: string;
    filename?: string;
    contentId?: string;
    startsWith?: string;
  }[];
  sanitized?: { includes: string[]; excludes: string[] };
  loop?: string;
  subject?: string;
  strippedSubject?: string;
  tnefWarning?: boolean;
}

const expected: Expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected.json'), 'utf8'));
const L = expected.lookups;

const lookups: ThreadLookups = {
  markerSecret: L.markerSecret,
  ourDomains: L.ourDomains,
  findTicketByMessageIds: async (ids) =>
    ids.map((id) => L.receivedMessageIds[id]).find(Boolean) ?? null,
  isParticipant: async (ticket, address) => (L.participants[ticket] ?? []).includes(address),
  isKnownSender: async (address) =>
    L.knownContacts.includes(address) || L.knownDomainSuffixes.some((s) => address.endsWith(s)),
};

function visibleText(m: InboundMessage): string {
  return m.text ? stripQuoted(m.text).visible : stripQuotedHtml(m.html).text;
}

describe('fixture corpus (raw .eml -> mailparser -> InboundMessage -> library)', () => {
  it('has an expectation for every .eml file and at least 25 files', () => {
    const files = readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith('.eml'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(expected.fixtures.map((f) => f.file).sort()).toEqual(files);
  });

  for (const c of expected.fixtures) {
    describe(`${c.file} (${c.client})`, () => {
      let m: InboundMessage;
      beforeAll(async () => {
        m = await loadFixture(c.file);
      });

      it(`is classified ${c.classification}`, () => {
        const result = classify(m);
        expect(result.kind).toBe(c.classification);
        for (const r of c.reasonsInclude ?? []) expect(result.reasons).toContain(r);
      });

      if (c.thread) {
        it(`threads as ${JSON.stringify(c.thread)}`, async () => {
          const match = await matchThread(m, lookups);
          expect(match).toEqual(jasmine.objectContaining(c.thread as object));
          if (c.thread?.['kind'] === 'new' && !c.thread['mentionedTicketNumber']) {
            expect('mentionedTicketNumber' in match).toBeFalse();
          }
        });
      }

      if (c.marker) {
        it('carries our marker', () => {
          expect(
            findMarker(m.text ?? '', L.markerSecret) ?? findMarker(m.html ?? '', L.markerSecret),
          ).toBe(c.marker as string);
        });
      }

      it('keeps what the sender wrote and drops the quoted history', () => {
        const visible = visibleText(m);
        expect(visible.trim()).not.toBe('');
        for (const s of c.visibleIncludes) expect(visible).toContain(s);
        for (const s of c.visibleExcludes) expect(visible).not.toContain(s);
        if (c.signatureIncludes) {
          const sig = stripQuoted(m.text).signature;
          for (const s of c.signatureIncludes) expect(sig).toContain(s);
        }
      });

      if (c.htmlVisibleIncludes || c.htmlVisibleExcludes) {
        it('cuts the quote out of the HTML part', () => {
          const stripped = stripQuotedHtml(m.html);
          expect(stripped.quoteFound).toBeTrue();
          const shown = sanitizeHtml(stripped.html);
          for (const s of c.htmlVisibleIncludes ?? []) {
            expect(stripped.text).toContain(s);
            expect(shown).toContain(s);
          }
          for (const s of c.htmlVisibleExcludes ?? []) {
            expect(stripped.text).not.toContain(s);
            expect(shown).not.toContain(s);
          }
        });
      }

      if (c.bounce) {
        const b = c.bounce;
        it('reads the bounce', () => {
          const info = extractBounce(m);
          expect(info).not.toBeNull();
          expect(info?.recipients.map((r) => r.address)).toEqual(b.recipients);
          expect(info?.status).toBe(b.status);
          expect(info?.permanent).toBe(b.permanent);
          expect(info?.originalMessageId).toBe(b.originalMessageId);
        });
      } else {
        it('is not read as a bounce', () => {
          expect(extractBounce(m)).toBeNull();
        });
      }

      if (c.attachments) {
        it('lists the attachments', () => {
          for (const want of c.attachments ?? []) {
            const got = (m.attachments ?? []).find((a) => a.contentType === want.contentType);
            expect(got).withContext(want.contentType).toBeDefined();
            if (want.filename) expect(got?.filename).toBe(want.filename);
            if (want.contentId) expect(got?.contentId).toBe(want.contentId);
            expect(got?.size).toBeGreaterThan(0);
          }
        });
      }
      if (c.file === '22-reply-pdf-attachment.eml') {
        it('decodes the PDF to a real PDF file', async () => {
          const { simpleParser } = await import('mailparser');
          const parsed = await simpleParser(readFileSync(join(FIXTURES_DIR, c.file)));
          const pdf = parsed.attachments[0].content.toString('latin1');
          expect(pdf.startsWith('%PDF-1.4')).toBeTrue();
          expect(pdf.trimEnd().endsWith('%%EOF')).toBeTrue();
          const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
          expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
        });
      }

      if (c.sanitized) {
        const s = c.sanitized;
        it('sanitises the HTML for display', () => {
          const out = sanitizeHtml(m.html, {
            resolveCid: (cid) =>
              (m.attachments ?? []).some((a) => a.contentId === cid)
                ? `/api/lampiran/${cid}`
                : null,
          });
          for (const x of s.includes) expect(out).toContain(x);
          for (const x of s.excludes) expect(out).not.toContain(x);
        });
      }

      it(c.loop ? `is caught by the loop guard (${c.loop})` : 'passes the loop guard', () => {
        const verdict = loopGuard(m, {
          loopHeaderValue: L.loopHeaderValue,
          ourDomains: L.ourDomains,
          ourAddresses: L.ourAddresses,
        });
        expect(verdict.loop).toBe(!!c.loop);
        if (c.loop) expect(verdict.reason).toBe(c.loop as 'x-loop');
      });

      if (c.subject) {
        it('decodes the subject', () => expect(m.subject).toBe(c.subject as string));
      }
      if (c.strippedSubject) {
        it('strips the reply prefixes', () =>
          expect(stripReplyPrefixes(m.subject)).toBe(c.strippedSubject as string));
      }
      it(c.tnefWarning ? 'warns about winmail.dat' : 'has no attachment warning', () => {
        expect(attachmentWarnings(m).length).toBe(c.tnefWarning ? 1 : 0);
      });
    });
  }
});
