import { classify, extractBounce, loopGuard } from './classify';
import { InboundMessage } from './types';

function msg(
  headers: Record<string, string | string[]>,
  over: Partial<InboundMessage> = {},
): InboundMessage {
  return {
    headers,
    from: { address: 'budi@bkd.baliprov.go.id' },
    subject: 'Re: [#BALI-2026-000123] Akun',
    text: 'Sudah, terima kasih.',
    ...over,
  };
}

describe('classify', () => {
  it('treats Auto-Submitted other than "no" as automatic', () => {
    expect(classify(msg({ 'auto-submitted': 'auto-replied' })).kind).toBe('auto-reply');
    expect(classify(msg({ 'auto-submitted': 'auto-generated' })).kind).toBe('auto-reply');
    expect(classify(msg({ 'auto-submitted': 'No' })).kind).toBe('normal');
  });

  it('knows the other auto-reply headers and bulk mail', () => {
    const cases: Record<string, string>[] = [
      { 'x-autoreply': 'yes' },
      { 'x-autorespond': 'x' },
      { precedence: 'bulk' },
      { precedence: 'junk' },
      { precedence: 'list' },
      { precedence: 'auto_reply' },
      { 'list-id': '<berita.example.go.id>' },
      { 'list-unsubscribe': '<mailto:x@y>' },
    ];
    for (const h of cases) {
      expect(classify(msg(h)).kind)
        .withContext(JSON.stringify(h))
        .toBe('auto-reply');
    }
    expect(classify(msg({ precedence: 'first-class' })).kind).toBe('normal');
  });

  it('knows auto-reply subjects in Indonesian and English', () => {
    for (const s of [
      'Balasan Otomatis: Permohonan',
      'Balasan otomatis: x',
      'Out of Office: x',
      'Automatic reply: x',
      'Auto: Re: x',
      'Autoreply: x',
      'Tidak di Kantor: x',
      'Sedang cuti',
      '[EXTERNAL] Automatic reply: x',
    ]) {
      expect(classify(msg({}, { subject: s })).kind)
        .withContext(s)
        .toBe('auto-reply');
    }
  });

  it('does not trust X-Auto-Response-Suppress alone, but does with another sign', () => {
    expect(classify(msg({ 'x-auto-response-suppress': 'All' })).kind).toBe('normal');
    expect(
      classify(
        msg({ 'x-auto-response-suppress': 'OOF' }, { text: 'Saya sedang cuti sampai 5 Desember.' }),
      ).kind,
    ).toBe('auto-reply');
    expect(classify(msg({ 'x-auto-response-suppress': 'All', 'return-path': '<>' })).kind).toBe(
      'auto-reply',
    );
    // A person's subject that merely mentions leave is not enough by itself.
    expect(classify(msg({}, { subject: 'Re: pengajuan izin sedang cuti' })).kind).toBe('normal');
  });

  it('detects bounces by structure, sender or two weaker signs', () => {
    expect(
      classify(msg({ 'content-type': 'multipart/report; report-type=delivery-status; boundary=x' }))
        .kind,
    ).toBe('bounce');
    expect(
      classify(msg({}, { attachments: [{ contentType: 'message/delivery-status', size: 10 }] }))
        .kind,
    ).toBe('bounce');
    expect(classify(msg({}, { from: { address: 'MAILER-DAEMON@mx.example.go.id' } })).kind).toBe(
      'bounce',
    );
    expect(classify(msg({ 'return-path': '<>' }, { subject: 'Undeliverable: Re: x' })).kind).toBe(
      'bounce',
    );
    expect(
      classify(
        msg(
          {},
          {
            from: { address: 'postmaster@x.go.id' },
            subject: 'Mail delivery failed: returning message to sender',
          },
        ),
      ).kind,
    ).toBe('bounce');
    expect(classify(msg({}, { subject: 'Delivery Status Notification (Failure)' })).kind).toBe(
      'normal',
    );
    expect(
      classify(msg({ 'content-type': 'multipart/report; report-type=disposition-notification' }))
        .kind,
    ).toBe('auto-reply');
  });
});

describe('extractBounce', () => {
  it('falls back to X-Failed-Recipients and the text when there is no DSN part (Exim)', () => {
    const b = extractBounce(
      msg(
        { 'x-failed-recipients': 'ani@desa.go.id', 'return-path': '<>' },
        {
          from: { address: 'mailer-daemon@mail.example.go.id' },
          subject: 'Mail delivery failed: returning message to sender',
          text: 'SMTP error from remote mail server after RCPT TO:<ani@desa.go.id>:\n550 5.1.1 User unknown\n\n------ This is a copy of the message, including all the headers. ------\nMessage-ID: <sigap.BALI-2026-000140.n1.abcd@helpdesk.example.go.id>\n',
        },
      ),
    );
    expect(b).toEqual({
      recipients: [{ address: 'ani@desa.go.id', status: '5.1.1', permanent: true }],
      status: '5.1.1',
      permanent: true,
      originalMessageId: '<sigap.BALI-2026-000140.n1.abcd@helpdesk.example.go.id>',
    });
  });

  it('returns null for a message that is not a bounce', () => {
    expect(extractBounce(msg({}))).toBeNull();
  });
});

describe('loopGuard', () => {
  const options = {
    loopHeaderValue: 'helpdesk@example.go.id',
    ourDomains: ['helpdesk.example.go.id'],
    ourAddresses: ['helpdesk@example.go.id'],
  };
  it('catches our X-Loop, our own Message-ID and our own address', () => {
    expect(loopGuard(msg({ 'x-loop': 'HelpDesk@example.go.id' }), options)).toEqual({
      loop: true,
      reason: 'x-loop',
    });
    expect(
      loopGuard(
        msg({}, { messageId: '<sigap.BALI-2026-000123.n1.abcd@helpdesk.example.go.id>' }),
        options,
      ),
    ).toEqual({ loop: true, reason: 'own-message-id' });
    expect(loopGuard(msg({}, { from: { address: 'helpdesk@example.go.id' } }), options)).toEqual({
      loop: true,
      reason: 'own-address',
    });
  });
  it('lets other mail through', () => {
    expect(
      loopGuard(
        msg(
          { 'x-loop': 'list@other.org' },
          { messageId: '<sigap.BALI-2026-000123.n1.abcd@evil.example>' },
        ),
        options,
      ),
    ).toEqual({ loop: false });
  });
});
