import { makeMarker, makeMessageId } from './identifiers';
import { matchThread, ThreadLookups } from './thread';
import { InboundMessage } from './types';

const SECRET = 'kunci-rahasia-uji';
/** A Message-ID we made (it carries the MAC keyed with the marker secret). */
const OUR = makeMessageId({
  ticketNumber: 'BALI-2026-000123',
  kind: 'notification',
  seq: 1,
  domain: 'helpdesk.example.go.id',
  nonce: 'abcd',
  secret: SECRET,
});
/** The same id without its MAC: the shape of ours, written by anyone. */
const FORGED = '<sigap.BALI-2026-000123.n1.abcd@helpdesk.example.go.id>';

function msg(over: Partial<InboundMessage> = {}): InboundMessage {
  return {
    headers: {},
    from: { address: 'budi@bkd.baliprov.go.id' },
    subject: 'Halo',
    messageId: '<m1@x.id>',
    text: 'Isi',
    ...over,
  };
}

function lookups(over: Partial<ThreadLookups> = {}): ThreadLookups & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    markerSecret: SECRET,
    ourDomains: ['helpdesk.example.go.id'],
    findTicketByMessageIds: (ids) => {
      calls.push('ids:' + ids.join(','));
      return ids.includes('<known@gmail.com>') ? 'BALI-2026-000200' : null;
    },
    isParticipant: async (t, a) => {
      calls.push(`participant:${t}:${a}`);
      return t === 'BALI-2026-000123' && a === 'budi@bkd.baliprov.go.id';
    },
    isKnownSender: (a) => {
      calls.push('known:' + a);
      return a.endsWith('.go.id');
    },
    ...over,
  };
}

describe('matchThread', () => {
  it('(a) prefers our own Message-ID in In-Reply-To without asking the caller', async () => {
    const l = lookups();
    const r = await matchThread(msg({ inReplyTo: OUR, references: ['<known@gmail.com>'] }), l);
    expect(r).toEqual({
      kind: 'reply',
      ticketNumber: 'BALI-2026-000123',
      via: 'references',
      messageId: '<m1@x.id>',
    });
    // Not looked up: the MAC proves it ours. Only the sender is checked against the ticket.
    expect(l.calls).toEqual(['participant:BALI-2026-000123:budi@bkd.baliprov.go.id']);
  });

  it('(a) asks the caller for foreign ids, nearest first', async () => {
    const l = lookups();
    const r = await matchThread(
      msg({ inReplyTo: '<z@y>', references: ['<first@y>', '<known@gmail.com>'] }),
      l,
    );
    expect(r).toEqual(
      jasmine.objectContaining({ ticketNumber: 'BALI-2026-000200', via: 'references' }),
    );
    expect(l.calls[0]).toBe('ids:<z@y>,<known@gmail.com>,<first@y>');
  });

  it('does not take a lookalike id of another domain as ours', async () => {
    const r = await matchThread(
      msg({
        inReplyTo: '<sigap.BALI-2026-000999.n1.abcd@evil.example.com>',
        from: { address: 'x@gmail.com' },
      }),
      lookups(),
    );
    expect(r.kind).toBe('quarantine');
  });

  it('(b) falls back to the marker, also in HTML only', async () => {
    const m = makeMarker('BALI-2026-000124', SECRET);
    expect(await matchThread(msg({ text: `ok\n> ${m.text}` }), lookups())).toEqual(
      jasmine.objectContaining({ via: 'marker', ticketNumber: 'BALI-2026-000124' }),
    );
    expect(await matchThread(msg({ text: null, html: `<p>ok</p>${m.html}` }), lookups())).toEqual(
      jasmine.objectContaining({ via: 'marker', ticketNumber: 'BALI-2026-000124' }),
    );
  });

  it('(c) accepts the subject tag only from a participant', async () => {
    const subject = 'Re: [#BALI-2026-000123] Tanya';
    expect(await matchThread(msg({ subject }), lookups())).toEqual(
      jasmine.objectContaining({ kind: 'reply', via: 'subject' }),
    );
    const stranger = await matchThread(
      msg({ subject, from: { address: 'ani@diskes.go.id' } }),
      lookups(),
    );
    expect(stranger).toEqual({
      kind: 'new',
      messageId: '<m1@x.id>',
      mentionedTicketNumber: 'BALI-2026-000123',
    });
  });

  it('(d)/(e) new for known senders, quarantine for others and for mail without sender', async () => {
    expect((await matchThread(msg(), lookups())).kind).toBe('new');
    expect(
      await matchThread(msg({ from: { address: 'Promo <promo@spam.example>' } }), lookups()),
    ).toEqual({
      kind: 'quarantine',
      reason: 'unknown-sender',
      messageId: '<m1@x.id>',
    });
    expect(await matchThread(msg({ from: null }), lookups())).toEqual(
      jasmine.objectContaining({ kind: 'quarantine', reason: 'no-sender' }),
    );
  });

  it('reads References and In-Reply-To from the raw headers when the fields are empty', async () => {
    const r = await matchThread(msg({ headers: { references: `<a@b> ${OUR}` } }), lookups());
    expect(r).toEqual(
      jasmine.objectContaining({ ticketNumber: 'BALI-2026-000123', via: 'references' }),
    );
  });

  it('does not take an id of our shape without a valid MAC as ours: it must be one we sent', async () => {
    const l = lookups();
    const r = await matchThread(msg({ inReplyTo: FORGED, from: { address: 'x@gmail.com' } }), l);
    expect(r.kind).toBe('quarantine');
    expect(l.calls).toContain(`ids:${FORGED}`);
    // A wrong MAC, another key, or the MAC of another ticket's id: the same.
    const otherKey = makeMessageId({
      ticketNumber: 'BALI-2026-000123',
      kind: 'notification',
      seq: 1,
      domain: 'helpdesk.example.go.id',
      nonce: 'abcd',
      secret: 'kunci-penyerang-123',
    });
    const moved = OUR.replace('000123', '000124');
    for (const id of [otherKey, moved, OUR.replace(/\.[0-9a-f]{16}@/, '.0000000000000000@')]) {
      const x = await matchThread(
        msg({ inReplyTo: id, from: { address: 'x@gmail.com' } }),
        lookups(),
      );
      expect(x.kind).withContext(id).toBe('quarantine');
    }
    // An id without MAC that the caller knows (we sent it before ids were signed) still threads.
    const known = await matchThread(
      msg({ inReplyTo: FORGED }),
      lookups({
        findTicketByMessageIds: (ids) => (ids.includes(FORGED) ? 'BALI-2026-000123' : null),
      }),
    );
    expect(known).toEqual(
      jasmine.objectContaining({
        kind: 'reply',
        ticketNumber: 'BALI-2026-000123',
        via: 'references',
      }),
    );
  });

  it('keeps a genuine reference or marker from a non-participant as third-party, never a reply', async () => {
    const stranger = { address: 'penipu@gmail.com' };
    expect(await matchThread(msg({ inReplyTo: OUR, from: stranger }), lookups())).toEqual({
      kind: 'third-party',
      ticketNumber: 'BALI-2026-000123',
      via: 'references',
      reason: 'not-participant',
      messageId: '<m1@x.id>',
    });
    const m = makeMarker('BALI-2026-000123', SECRET);
    expect(await matchThread(msg({ text: `ok\n${m.text}`, from: stranger }), lookups())).toEqual(
      jasmine.objectContaining({ kind: 'third-party', via: 'marker', reason: 'not-participant' }),
    );
    expect(await matchThread(msg({ inReplyTo: OUR, from: null }), lookups())).toEqual(
      jasmine.objectContaining({ kind: 'third-party', reason: 'no-sender' }),
    );
    // From the participant the same marker is the requester's reply.
    expect(await matchThread(msg({ text: `ok\n${m.text}` }), lookups())).toEqual(
      jasmine.objectContaining({ kind: 'reply', via: 'marker', ticketNumber: 'BALI-2026-000123' }),
    );
  });
});
