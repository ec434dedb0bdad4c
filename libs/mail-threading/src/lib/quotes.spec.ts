import { stripQuoted, stripQuotedHtml } from './quotes';

describe('stripQuoted', () => {
  const cases: [string, string, string, string][] = [
    [
      'Gmail en',
      'Siap.\n\nOn Mon, 23 Nov 2026 at 10:00, Helpdesk <h@x.go.id> wrote:\n> lama',
      'Siap.',
      'lama',
    ],
    [
      'Gmail en, wrapped',
      'Siap.\n\nOn Mon, 23 Nov 2026 at 10:00, Helpdesk Diskominfo <\nh@x.go.id> wrote:\n\n> lama',
      'Siap.',
      'lama',
    ],
    [
      'Gmail id',
      'Oke.\n\nPada tanggal Sen, 23 Nov 2026 pukul 10.00, Helpdesk <h@x.go.id> menulis:\n> lama',
      'Oke.',
      'lama',
    ],
    [
      'Pada ... menulis (general)',
      'Oke.\nPada 23/11/2026 10.00, Helpdesk menulis:\n> lama',
      'Oke.',
      'lama',
    ],
    [
      'Outlook original',
      'Baik.\n\n-----Original Message-----\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nlama',
      'Baik.',
      'lama',
    ],
    [
      'Outlook pesan asli',
      'Baik.\n-----Pesan Asli-----\nDari: a\nDikirim: b\nKepada: c\nSubjek: d\nlama',
      'Baik.',
      'lama',
    ],
    [
      'Outlook header block',
      'Baik.\n\nFrom: Helpdesk <h@x.go.id>\nSent: Monday, November 23, 2026 10:00 AM\nTo: Budi\nSubject: Re: x\n\nlama',
      'Baik.',
      'lama',
    ],
    [
      'Outlook header block id',
      'Baik.\n\nDari: Helpdesk <h@x.go.id>\nDikirim: Senin, 23 November 2026 10.00\nKepada: Budi\nSubjek: x\n\nlama',
      'Baik.',
      'lama',
    ],
    ['Zimbra', 'Ya.\n\n----- Original Message -----\nFrom: a\nlama', 'Ya.', 'lama'],
    ['Zimbra id', 'Ya.\n\n----- Pesan Asli -----\nDari: a\nlama', 'Ya.', 'lama'],
    ['Thunderbird', 'Ya.\n\nOn 23/11/2026 10.00, Helpdesk wrote:\n> lama', 'Ya.', 'lama'],
    [
      'Apple Mail',
      'Ya.\n\n> On 23 Nov 2026, at 10:00, Helpdesk <h@x.go.id> wrote:\n> \n> lama',
      'Ya.',
      'lama',
    ],
    [
      'Yahoo',
      'Ya.\n\n    On Monday, 23 November 2026, 10:00:00 GMT+8, Helpdesk <h@x.go.id> wrote:\n\nlama',
      'Ya.',
      'lama',
    ],
    ['Name wrote: without On', 'Ya.\n\nHelpdesk <h@x.go.id> wrote:\n> lama', 'Ya.', 'lama'],
  ];
  for (const [name, input, visible, quoted] of cases) {
    it(`splits ${name}`, () => {
      const r = stripQuoted(input);
      expect(r.visible).toBe(visible);
      expect(r.quoted).toContain(quoted);
    });
  }

  it('removes mobile signatures and the -- delimiter', () => {
    for (const sig of [
      'Sent from my iPhone',
      'Dikirim dari iPhone saya',
      'Dikirim dari Yahoo Mail di Android',
      'Sent from Outlook for Android',
      'Get Outlook for iOS',
    ]) {
      const r = stripQuoted(
        `Baik, terima kasih.\n\n${sig}\n\nOn Mon, 23 Nov 2026 at 10:00, H <h@x.go.id> wrote:\n> lama`,
      );
      expect(r.visible).withContext(sig).toBe('Baik, terima kasih.');
    }
    const r = stripQuoted('Baik.\n-- \nBudi\nBKD');
    expect(r.visible).toBe('Baik.');
    expect(r.signature).toBe('-- \nBudi\nBKD');
  });

  it('keeps a sentence that only starts like a signature', () => {
    expect(stripQuoted('Dikirim dari kantor camat kemarin sore.').visible).toBe(
      'Dikirim dari kantor camat kemarin sore.',
    );
  });

  it('keeps answers written between quoted lines', () => {
    const r = stripQuoted(
      'On 23/11/2026 10.00, H wrote:\n> Nomor NIP?\n198001012005011001\n> Unit kerja?\nBKD',
    );
    expect(r.visible).toBe('198001012005011001\nBKD');
  });

  it('never strips everything', () => {
    const all = '---------- Forwarded message ---------\nFrom: a\nDate: b\n\nIsi';
    expect(stripQuoted(all).visible).toBe(all);
    expect(stripQuoted('> hanya kutipan').visible).toBe('> hanya kutipan');
    expect(stripQuoted('').visible).toBe('');
  });

  it('removes our marker from what it shows', () => {
    expect(stripQuoted('Baik.\n[ref:BALI-2026-000123:0a1b2c3d]').visible).toBe('Baik.');
  });
});

describe('stripQuotedHtml', () => {
  const cases: [string, string][] = [
    [
      'gmail',
      '<div>Jawab</div><div class="gmail_quote"><div class="gmail_attr">On x wrote:</div><blockquote>lama</blockquote></div>',
    ],
    [
      'outlook web',
      '<div>Jawab</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> a</div><div>lama</div>',
    ],
    [
      'outlook x_ prefix',
      '<div>Jawab</div><div id="x_divRplyFwdMsg"><b>From:</b> a</div><div>lama</div>',
    ],
    [
      'outlook desktop',
      '<p>Jawab</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> a<br><b>Sent:</b> b</p></div><p>lama</p>',
    ],
    ['zimbra', '<div>Jawab</div><hr id="zwchr"><div>lama</div>'],
    [
      'thunderbird',
      '<p>Jawab</p><div class="moz-cite-prefix">On 23/11/2026, H wrote:<br></div><blockquote type="cite">lama</blockquote>',
    ],
    [
      'apple',
      '<div>Jawab</div><div><blockquote type="cite"><div>On x, H wrote:</div>lama</blockquote></div>',
    ],
    ['yahoo', '<div>Jawab</div><div id="yahoo_quoted_123" class="yahoo_quoted">lama</div>'],
    [
      'plain blockquote after attribution',
      '<div>Jawab</div><div>Pada 23 Nov 2026, H menulis:</div><blockquote>lama</blockquote>',
    ],
  ];
  for (const [name, html] of cases) {
    it(`cuts ${name}`, () => {
      const r = stripQuotedHtml(html);
      expect(r.quoteFound).toBeTrue();
      expect(r.text).toBe('Jawab');
      expect(r.html).not.toContain('lama');
      expect(r.text).not.toMatch(/wrote|menulis/);
    });
  }

  it('keeps everything when the quote is all there is', () => {
    const html = '<div class="gmail_quote">---------- Forwarded message ---------<br>Isi</div>';
    const r = stripQuotedHtml(html);
    expect(r.html).toBe(html);
    expect(r.quoteFound).toBeFalse();
    expect(r.text).toContain('Isi');
  });
});
