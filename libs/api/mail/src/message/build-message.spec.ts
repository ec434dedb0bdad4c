import { makeMarker, parseOurMessageId, verifyOurMessageId } from '@sigap/mail-threading';
import { MailRenderer } from '../templates/mail-renderer';
import { TEMPLATE_SAMPLES as SAMPLE_PROPS } from '../delivery/kinds';
import {
  boundedReferences,
  buildMailMessage,
  MAX_REFERENCES,
  tagSubject,
  type OutgoingMail,
} from './build-message';

describe('buildMailMessage', () => {
  const renderer = new MailRenderer();
  const number = 'BALI-2026-000042';
  const rendered = renderer.render(
    { template: 'agent-reply', props: SAMPLE_PROPS['agent-reply'] },
    { locale: 'id', timeZone: 'Asia/Makassar', marker: makeMarker(number, 'rahasia-penanda') },
  );
  const base: OutgoingMail = {
    from: '"Sigap Diskominfo" <helpdesk@example.go.id>',
    to: ['ayu@dinkes.example.go.id'],
    replyTo: 'layanan@diskominfo.example.go.id',
    domain: 'example.go.id',
    nonce: 'abc123',
    idSecret: 'rahasia-penanda',
    thread: {
      ticketNumber: number,
      seq: 3,
      kind: 'reply',
      threadMessageIds: ['<first@gmail.com>', '<sigap.BALI-2026-000042.a1.x1y2@example.go.id>'],
    },
    automatic: false,
  };

  it('gives a Message-ID of ours that names the ticket, stable for the same nonce', () => {
    const a = buildMailMessage(rendered, base);
    const b = buildMailMessage(rendered, base);
    expect(a.messageId).toBe(b.messageId);
    expect(a.message.messageId).toBe(a.messageId);
    expect(parseOurMessageId(a.messageId, { domains: ['example.go.id'] })).toEqual({
      ticketNumber: number,
      kind: 'reply',
      seq: 3,
      domain: 'example.go.id',
    });
    expect(buildMailMessage(rendered, { ...base, nonce: 'zzz999' }).messageId).not.toBe(
      a.messageId,
    );
  });

  it('signs the Message-ID: it verifies with the marker key only', () => {
    const { messageId } = buildMailMessage(rendered, base);
    expect(messageId).toMatch(/\.[0-9a-f]{16}@example\.go\.id>$/);
    const domains = ['example.go.id'];
    expect(verifyOurMessageId(messageId, { domains, secret: 'rahasia-penanda' })).toEqual(
      jasmine.objectContaining({ ticketNumber: number, seq: 3 }),
    );
    expect(verifyOurMessageId(messageId, { domains, secret: 'kunci-lain-123' })).toBeNull();
  });

  it('threads to the ticket: In-Reply-To the last message, References from the first', () => {
    const { message } = buildMailMessage(rendered, base);
    expect(message.inReplyTo).toBe('<sigap.BALI-2026-000042.a1.x1y2@example.go.id>');
    expect(message.references).toEqual([
      '<first@gmail.com>',
      '<sigap.BALI-2026-000042.a1.x1y2@example.go.id>',
    ]);
  });

  it('tags the subject once, sets Reply-To, and marks a person reply as not automatic', () => {
    const { message } = buildMailMessage(rendered, base);
    expect(message.subject).toBe(`[#${number}] Permohonan pembangunan aplikasi SIMPEG`);
    expect(String(message.replyTo)).toBe('layanan@diskominfo.example.go.id');
    const headers = message.headers as Record<string, string>;
    expect(headers['X-Loop']).toBe('sigap');
    expect(headers['Auto-Submitted']).toBeUndefined();
    expect(headers['X-Auto-Response-Suppress']).toBeUndefined();
    expect(headers['Precedence']).toBeUndefined();
    expect(message.text).toContain(makeMarker(number, 'rahasia-penanda').text);
    expect(message.html).toContain(makeMarker(number, 'rahasia-penanda').html);
  });

  it('marks automatic mail Auto-Submitted and suppresses auto-responses', () => {
    const headers = buildMailMessage(rendered, { ...base, automatic: true }).message
      .headers as Record<string, string>;
    expect(headers['Auto-Submitted']).toBe('auto-generated');
    expect(headers['X-Auto-Response-Suppress']).toBe('All');
    expect(headers['Precedence']).toBe('bulk');
  });

  it('builds account mail without a thread', () => {
    const { messageId, message } = buildMailMessage(rendered, { ...base, thread: null });
    expect(messageId).toBe('<sigap.account.abc123@example.go.id>');
    expect(message.inReplyTo).toBeUndefined();
    expect(message.subject).toBe('Permohonan pembangunan aplikasi SIMPEG');
  });

  it('names what is wrong', () => {
    expect(() => buildMailMessage(rendered, { ...base, to: [] })).toThrowError(/^to: /);
    expect(() => buildMailMessage(rendered, { ...base, nonce: 'A!' })).toThrowError(/^nonce: /);
    expect(() => buildMailMessage(rendered, { ...base, domain: 'localhost' })).toThrowError(
      /^domain: /,
    );
  });

  describe('tagSubject', () => {
    it('does not tag twice, even behind reply prefixes or in other case', () => {
      expect(tagSubject('Re: [#bali-2026-000042] Izin', number)).toBe(
        'Re: [#bali-2026-000042] Izin',
      );
      expect(tagSubject('  Izin \n aplikasi ', number)).toBe(`[#${number}] Izin aplikasi`);
      expect(tagSubject('[#GTLO-2026-000001] lain', number)).toBe(
        `[#${number}] [#GTLO-2026-000001] lain`,
      );
    });
  });

  it('attaches files with a one-line name and no path, and none when there are none', () => {
    const content = Buffer.from('%PDF-1.4 isi');
    const built = buildMailMessage(rendered, {
      ...base,
      attachments: [
        { filename: 'Surat\r\nBcc: x@y.z.pdf', contentType: 'application/pdf', content },
        { filename: '../../etc/passwd', contentType: 'text/plain', content },
      ],
    });
    expect(built.message.attachments).toEqual([
      {
        filename: 'Surat Bcc: x@y.z.pdf',
        contentType: 'application/pdf',
        content,
        contentDisposition: 'attachment',
      },
      {
        filename: '.._.._etc_passwd',
        contentType: 'text/plain',
        content,
        contentDisposition: 'attachment',
      },
    ]);
    expect(buildMailMessage(rendered, base).message.attachments).toBeUndefined();
  });

  describe('boundedReferences', () => {
    it('keeps the first and the latest ids, at most the bound, without duplicates or junk', () => {
      const ids = Array.from({ length: 30 }, (_, i) => `<m${i}@example.org>`);
      const refs = boundedReferences([...ids, 'no-at-sign', ' m29@example.org ']);
      expect(refs.length).toBe(MAX_REFERENCES);
      expect(refs[0]).toBe('<m0@example.org>');
      expect(refs[refs.length - 1]).toBe('<m29@example.org>');
      expect(refs[1]).toBe(`<m${30 - (MAX_REFERENCES - 1)}@example.org>`);
      expect(boundedReferences(['a@b', '<a@b>'])).toEqual(['<a@b>']);
    });
  });
});
