import fc from 'fast-check';
import { MailThreadingError } from './errors';
import {
  findMarker,
  findMarkers,
  findSubjectTicketNumber,
  makeMarker,
  makeMessageId,
  parseOurMessageId,
  removeMarkerLines,
  stripReplyPrefixes,
  verifyOurMessageId,
  subjectTag,
} from './identifiers';
import { normalizeMessageId, parseMessageIdList } from './headers';

const DOMAIN = 'helpdesk.example.go.id';
const SECRET = 'kunci-rahasia-uji';

describe('makeMessageId / parseOurMessageId', () => {
  it('encodes the ticket and reads it back', () => {
    const id = makeMessageId({
      ticketNumber: 'bali-2026-000123',
      kind: 'notification',
      seq: 7,
      domain: DOMAIN,
      nonce: 'k3f9x2',
    });
    expect(id).toBe('<sigap.BALI-2026-000123.n7.k3f9x2@helpdesk.example.go.id>');
    expect(parseOurMessageId(id, { domains: [DOMAIN] })).toEqual({
      ticketNumber: 'BALI-2026-000123',
      kind: 'notification',
      seq: 7,
      domain: DOMAIN,
    });
  });

  it('tolerates brackets, spaces and case', () => {
    expect(
      parseOurMessageId('  SIGAP.bali-2026-000123.R2.ABCD@HELPDESK.EXAMPLE.GO.ID ', {
        domains: [DOMAIN],
      })?.ticketNumber,
    ).toBe('BALI-2026-000123');
  });

  it('rejects lookalikes', () => {
    for (const v of [
      '<sigap.BALI-2026-000123.n7.k3f9x2@evil.example.com>',
      '<xsigap.BALI-2026-000123.n7.k3f9x2@helpdesk.example.go.id>',
      '<sigap.BALI-2026-00012.n7.k3f9x2@helpdesk.example.go.id>',
      '<sigap.BALI-2026-000123.x7.k3f9x2@helpdesk.example.go.id>',
      '<sigap.BALI-2026-000123.n7.k3f9x2.extra@helpdesk.example.go.id>',
      '<sigap.B-2026-000123.n7.k3f9x2@helpdesk.example.go.id>',
      '<CAJd4kW9v3yQ@mail.gmail.com>',
      '',
    ]) {
      expect(parseOurMessageId(v, { domains: [DOMAIN] }))
        .withContext(v)
        .toBeNull();
    }
  });

  it('round-trips for any valid input (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{2,12}$/),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 0, max: 999999 }),
        fc.constantFrom('notification', 'reply', 'auto-reply', 'reminder', 'survey' as const),
        fc.nat(),
        fc.stringMatching(/^[a-z0-9]{4,32}$/),
        (prefix, year, n, kind, seq, nonce) => {
          const ticketNumber = `${prefix}-${year}-${String(n).padStart(6, '0')}`;
          const parsed = parseOurMessageId(
            makeMessageId({ ticketNumber, kind, seq, domain: DOMAIN, nonce }),
            { domains: [DOMAIN] },
          );
          expect(parsed).toEqual({ ticketNumber, kind, seq, domain: DOMAIN });
        },
      ),
    );
  });

  it('names the bad field', () => {
    const base = {
      ticketNumber: 'BALI-2026-000123',
      kind: 'reply' as const,
      seq: 1,
      domain: DOMAIN,
      nonce: 'abcd',
    };
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(MailThreadingError);
        return (e as MailThreadingError).field;
      }
      return 'no error';
    };
    expect(fieldOf(() => makeMessageId({ ...base, ticketNumber: 'BALI-26-1' }))).toBe(
      'ticketNumber',
    );
    expect(fieldOf(() => makeMessageId({ ...base, seq: -1 }))).toBe('seq');
    expect(fieldOf(() => makeMessageId({ ...base, domain: 'bukan domain' }))).toBe('domain');
    expect(fieldOf(() => makeMessageId({ ...base, nonce: 'A!' }))).toBe('nonce');
    expect(fieldOf(() => makeMessageId({ ...base, kind: 'spam' as never }))).toBe('kind');
    expect(() => makeMessageId({ ...base, ticketNumber: 'x' })).toThrowError(
      /nomor tiket "x" tidak valid/,
    );
  });
});

describe('signed Message-IDs (verifyOurMessageId)', () => {
  const parts = {
    ticketNumber: 'BALI-2026-000123',
    kind: 'reply' as const,
    seq: 3,
    domain: DOMAIN,
    nonce: 'k3f9x2',
    secret: SECRET,
  };
  const id = makeMessageId(parts);

  it('carries a 64-bit MAC and verifies only with the key, the domain and every part intact', () => {
    expect(id).toMatch(
      /^<sigap\.BALI-2026-000123\.r3\.k3f9x2\.[0-9a-f]{16}@helpdesk\.example\.go\.id>$/,
    );
    expect(verifyOurMessageId(id, { domains: [DOMAIN], secret: SECRET })).toEqual(
      jasmine.objectContaining({ ticketNumber: 'BALI-2026-000123', kind: 'reply', seq: 3 }),
    );
    // Clients may change the case of the id; the MAC still holds.
    expect(
      verifyOurMessageId(id.toLowerCase(), { domains: [DOMAIN], secret: SECRET }),
    ).not.toBeNull();
    expect(
      verifyOurMessageId(id, { domains: [DOMAIN], secret: ['kunci-baru-456', SECRET] }),
    ).not.toBeNull();
    const forged = [
      id.replace('000123', '000124'),
      id.replace('.r3.', '.r4.'),
      id.replace('k3f9x2', 'k3f9x3'),
      id.replace(/\.[0-9a-f]{16}@/, '@'),
      id.replace(/\.[0-9a-f]{16}@/, '.0123456789abcdef@'),
      makeMessageId({ ...parts, secret: 'kunci-penyerang' }),
      makeMessageId({ ...parts, secret: undefined }),
    ];
    for (const f of forged) {
      expect(verifyOurMessageId(f, { domains: [DOMAIN], secret: SECRET }))
        .withContext(f)
        .toBeNull();
    }
    expect(verifyOurMessageId(id, { domains: ['lain.example.go.id'], secret: SECRET })).toBeNull();
    expect(verifyOurMessageId(id, { domains: [DOMAIN], secret: 'kunci-yang-lain' })).toBeNull();
  });

  it('verifies every id it signs, and no id with any one MAC digit changed (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{2,12}$/),
        fc.integer({ min: 0, max: 999999 }),
        fc.nat(),
        fc.stringMatching(/^[a-z0-9]{4,32}$/),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 15 }),
        (prefix, n, seq, nonce, at, delta) => {
          const ticketNumber = `${prefix}-2026-${String(n).padStart(6, '0')}`;
          const signed = makeMessageId({ ...parts, ticketNumber, seq, nonce });
          const options = { domains: [DOMAIN], secret: SECRET };
          expect(verifyOurMessageId(signed, options)?.ticketNumber).toBe(ticketNumber);
          const mac = /\.([0-9a-f]{16})@/.exec(signed)![1];
          const digit = ((parseInt(mac[at], 16) + delta) % 16).toString(16);
          const changed = mac.slice(0, at) + digit + mac.slice(at + 1);
          expect(verifyOurMessageId(signed.replace(mac, changed), options)).toBeNull();
        },
      ),
    );
  });

  it('still parses (without verifying) for the loop guard', () => {
    expect(parseOurMessageId(id, { domains: [DOMAIN] })).toEqual({
      ticketNumber: 'BALI-2026-000123',
      kind: 'reply',
      seq: 3,
      domain: DOMAIN,
    });
  });
});

describe('markers', () => {
  const marker = makeMarker('BALI-2026-000123', SECRET);

  it('is found in plain text and in the hidden HTML span', () => {
    expect(marker.text).toMatch(/^\[ref:BALI-2026-000123:[0-9a-f]{16}\]$/);
    expect(findMarker(`Terima kasih\n${marker.text}`, SECRET)).toBe('BALI-2026-000123');
    expect(findMarker(`<p>Halo</p>${marker.html}`, SECRET)).toBe('BALI-2026-000123');
  });

  it('survives quoting, wrapping, entities, zero-width characters and split spans', () => {
    const t = marker.text;
    const variants = [
      `> > ${t}`,
      `> ${t.slice(0, 12)}\n> ${t.slice(12)}`,
      `${t.slice(0, 20)}\r\n${t.slice(20)}`,
      t.replace('[', '&#91;').replace(/:/g, '&#x3a;').replace(']', '&rsqb;'),
      `<span style='display:none;mso-hide:all'>${t.slice(0, 9)}</span><span>${t.slice(9)}</span>`,
      t.replace('BALI', 'BA\u200bLI'),
      t.toLowerCase(),
    ];
    for (const v of variants) expect(findMarker(v, SECRET)).withContext(v).toBe('BALI-2026-000123');
  });

  it('rejects forged or foreign markers', () => {
    expect(findMarker('[ref:BALI-2026-000123:00000000]', SECRET)).toBeNull();
    expect(findMarker(marker.text.replace('000123', '000124'), SECRET)).toBeNull();
    expect(findMarker(marker.text, 'kunci-yang-lain')).toBeNull();
  });

  it('accepts old keys during rotation and lists every ticket once', () => {
    const other = makeMarker('BKD-2026-000045', 'kunci-lama-123');
    expect(
      findMarkers(`${marker.text} ${other.text} ${marker.text}`, [SECRET, 'kunci-lama-123']),
    ).toEqual(['BALI-2026-000123', 'BKD-2026-000045']);
  });

  it('reads markers of mail sent before the MAC was lengthened (8 hex digits), and no forgery', () => {
    // What makeMarker produced before: the first 8 hex digits of the same HMAC.
    const legacy = marker.text.replace(/:([0-9a-f]{8})[0-9a-f]{8}\]/, ':$1]');
    expect(legacy).toMatch(/^\[ref:BALI-2026-000123:[0-9a-f]{8}\]$/);
    expect(findMarker(`> ${legacy}`, SECRET)).toBe('BALI-2026-000123');
    expect(findMarker(legacy.replace('000123', '000124'), SECRET)).toBeNull();
    expect(findMarker('[ref:BALI-2026-000123:0000000000000000]', SECRET)).toBeNull();
    // 12 digits are neither form.
    expect(findMarker(marker.text.replace(/[0-9a-f]{4}\]$/, ']'), SECRET)).toBeNull();
    expect(removeMarkerLines(`Halo\n${legacy}\n> ${marker.text}`).trim()).toBe('Halo');
  });

  it('refuses a short secret', () => {
    expect(() => makeMarker('BALI-2026-000123', 'pendek')).toThrowError(
      MailThreadingError,
      /secret/,
    );
  });
});

describe('subject', () => {
  it('finds the tag behind any prefixes', () => {
    for (const s of [
      'Re: [#BALI-2026-000123] Permohonan',
      'RE: RE: [#BALI-2026-000123]',
      'Fwd: [#bali-2026-000123] x',
      'Balas: [#BALI-2026-000123]',
      'Bls: [ # BALI-2026-000123 ] x',
      'TR: [#BALI-2026-000123]',
      'AW: [#BALI-2026-000123]',
      '[EXTERNAL] Re: [#BALI-2026-000123]',
    ]) {
      expect(findSubjectTicketNumber(s)).withContext(s).toBe('BALI-2026-000123');
    }
    expect(subjectTag('bali-2026-000123')).toBe('[#BALI-2026-000123]');
  });

  it('ignores numbers that are not tags', () => {
    expect(findSubjectTicketNumber('Re: BALI-2026-000123')).toBeNull();
    expect(findSubjectTicketNumber('[#BALI-2026-123]')).toBeNull();
    expect(findSubjectTicketNumber('[#A-2026-000123]')).toBeNull();
    expect(findSubjectTicketNumber(null)).toBeNull();
  });

  it('strips reply prefixes in any number and case', () => {
    expect(
      stripReplyPrefixes('[EXTERNAL] RE: Bls: Fwd: AW: TR: Balas: re[2]: Permohonan akun'),
    ).toBe('Permohonan akun');
    expect(stripReplyPrefixes('Re : Re: [#BALI-2026-000123] Tanya')).toBe(
      '[#BALI-2026-000123] Tanya',
    );
    expect(stripReplyPrefixes('Rencana kerja')).toBe('Rencana kerja');
  });
});

describe('Message-ID normalisation', () => {
  it('keeps the local part, lowercases the domain, strips brackets and comments', () => {
    expect(normalizeMessageId(' <AbC.1@Mail.Example.COM> ')).toBe('<AbC.1@mail.example.com>');
    expect(normalizeMessageId('AbC.1@Mail.Example.COM (komentar)')).toBe(
      '<AbC.1@mail.example.com>',
    );
    expect(normalizeMessageId('   ')).toBeNull();
    expect(parseMessageIdList('<a@x> <b@Y>\n <a@x>')).toEqual(['<a@x>', '<b@y>']);
  });
});
