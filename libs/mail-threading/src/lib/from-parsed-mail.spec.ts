import { parseEml } from '../testing/eml';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('fromParsedMail', () => {
  it('keeps subjects and display names on one line, whatever encoded words decode to', async () => {
    const m = await parseEml(
      [
        `From: =?UTF-8?B?${b64('Budi\r\nBcc: korban@evil.example')}?= <budi@evil.example>`,
        `To: =?UTF-8?B?${b64('Helpdesk\r\nX-Injected: 1')}?= <helpdesk@example.go.id>`,
        `Subject: =?UTF-8?B?${b64('Halo\r\nBcc: x@evil.example\r\n\r\nbadan')}?= =?UTF-8?Q?=0Atambahan?=`,
        'Message-ID: <satu@evil.example>',
        '',
        'isi',
        '',
      ].join('\r\n'),
    );
    expect(m.subject).toBe('Halo Bcc: x@evil.example badan tambahan');
    expect(m.from).toEqual({ address: 'budi@evil.example', name: 'Budi Bcc: korban@evil.example' });
    expect(m.to?.[0]).toEqual({
      address: 'helpdesk@example.go.id',
      name: 'Helpdesk X-Injected: 1',
    });
  });
});
