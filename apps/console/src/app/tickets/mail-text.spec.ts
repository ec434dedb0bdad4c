import { foldQuotedText } from './mail-text';

/** Plain-text replies as the clients Bali's requesters use send them (CRLF as on the wire). */
const crlf = (lines: string[]) => lines.join('\r\n');

describe('foldQuotedText', () => {
  it('folds a Thunderbird reply written above the quote', () => {
    const text = crlf([
      'Selamat siang,',
      '',
      'Surat permohonan yang sudah ditandatangani terlampir.',
      '',
      'Salam,',
      'Wayan',
      '',
      'On 23/11/2026 09.00, Helpdesk Diskominfos Bali wrote:',
      '> Yth. Bapak Wayan,',
      '>',
      '> Mohon surat permohonan ditandatangani Kepala Dinas.',
      '>',
      '> [ref:BALI-2026-000123:0a1b2c3d]',
    ]);
    const folded = foldQuotedText(text);
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe(
      'Selamat siang,\n\nSurat permohonan yang sudah ditandatangani terlampir.\n\nSalam,\nWayan',
    );
    expect(folded.whole).toContain('> Mohon surat permohonan ditandatangani Kepala Dinas.');
    expect(folded.whole).toContain('On 23/11/2026 09.00, Helpdesk Diskominfos Bali wrote:');
    // Our thread marker is never shown, folded or not.
    expect(folded.whole).not.toContain('[ref:');
  });

  it('folds a Thunderbird reply written below the quote, keeping the answer', () => {
    const folded = foldQuotedText(
      crlf([
        'On 23/11/2026 09.00, Helpdesk Diskominfos Bali wrote:',
        '> Mohon kirim KAK aplikasi.',
        '',
        'KAK sudah kami kirim lewat portal kemarin.',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('KAK sudah kami kirim lewat portal kemarin.');
  });

  it('folds a Gmail reply whose attribution wraps, with a nested quote', () => {
    const text = crlf([
      'Baik, kami tunggu jadwal rapatnya.',
      '',
      'On Mon, Nov 23, 2026 at 9:00 AM Helpdesk Diskominfos Bali <',
      'helpdesk@helpdesk.diskominfos.baliprov.go.id> wrote:',
      '',
      '> Rapat kebutuhan dijadwalkan minggu depan.',
      '>',
      '> On Fri, Nov 20, 2026 at 3:12 PM Wayan Adi <wayan.adi@diskes.baliprov.go.id>',
      '> wrote:',
      '>',
      '>> Kapan rapat kebutuhan aplikasi bisa dilakukan?',
      '>> > Terima kasih.',
    ]);
    const folded = foldQuotedText(text);
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Baik, kami tunggu jadwal rapatnya.');
    expect(folded.whole).toContain('>> Kapan rapat kebutuhan aplikasi bisa dilakukan?');
  });

  it('folds an Indonesian-language Gmail reply ("Pada … menulis:")', () => {
    const folded = foldQuotedText(
      crlf([
        'Terima kasih, Pak. Dokumen sudah saya unggah.',
        '',
        'Pada tanggal Sen, 23 Nov 2026 pukul 09.00 Helpdesk Diskominfos Bali <',
        'helpdesk@helpdesk.diskominfos.baliprov.go.id> menulis:',
        '',
        '> Mohon unggah daftar kebutuhan aplikasi.',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Terima kasih, Pak. Dokumen sudah saya unggah.');
  });

  it('folds Outlook\'s "-----Original Message-----" block', () => {
    const folded = foldQuotedText(
      crlf([
        'Sudah kami lengkapi.',
        '',
        '-----Original Message-----',
        'From: Helpdesk Diskominfos Bali <helpdesk@helpdesk.diskominfos.baliprov.go.id>',
        'Sent: Monday, November 23, 2026 9:00 AM',
        'To: Wayan Adi <wayan.adi@diskes.baliprov.go.id>',
        'Subject: [#BALI-2026-000123] Permohonan aplikasi',
        '',
        'Mohon lengkapi surat permohonan.',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Sudah kami lengkapi.');
    expect(folded.whole).toContain('Mohon lengkapi surat permohonan.');
  });

  it("folds Outlook's From/Sent header block in Indonesian, with the signature kept", () => {
    const folded = foldQuotedText(
      crlf([
        'Baik, kami tunggu.',
        '',
        '--',
        'Wayan Adi',
        'Dinas Kesehatan Provinsi Bali',
        '',
        '________________________________',
        'Dari: Helpdesk Diskominfos Bali <helpdesk@helpdesk.diskominfos.baliprov.go.id>',
        'Dikirim: Senin, 23 November 2026 09.00',
        'Kepada: Wayan Adi',
        'Subjek: [#BALI-2026-000123] Permohonan aplikasi',
        '',
        'Permohonan sedang kami proses.',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Baik, kami tunggu.\n\n--\nWayan Adi\nDinas Kesehatan Provinsi Bali');
    expect(folded.whole).toContain('Permohonan sedang kami proses.');
  });

  it('folds the quote Apple Mail on a phone puts under "Sent from my iPhone"', () => {
    const folded = foldQuotedText(
      crlf([
        'Sudah saya kirim.',
        '',
        'Sent from my iPhone',
        '',
        '> On 23 Nov 2026, at 09.00, Helpdesk Diskominfos Bali <helpdesk@helpdesk.diskominfos.baliprov.go.id> wrote:',
        '> ',
        '> Mohon kirim KAK aplikasi.',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Sudah saya kirim.\n\nSent from my iPhone');
    expect(folded.whole).toContain('> Mohon kirim KAK aplikasi.');
  });

  it('folds Apple Mail on a Mac, whose attribution is itself quoted', () => {
    const folded = foldQuotedText(
      crlf([
        'Ya, benar.',
        '',
        '> On 23 Nov 2026, at 09.00, Helpdesk <helpdesk@helpdesk.diskominfos.baliprov.go.id> wrote:',
        '> ',
        '> Apakah aplikasi untuk puskesmas?',
      ]),
    );
    expect(folded.quoted).toBeTrue();
    expect(folded.own).toBe('Ya, benar.');
  });

  it('folds nothing in a message that is all quote, and shows it whole', () => {
    for (const text of [
      crlf(['> Mohon kirim KAK aplikasi.', '> > Permohonan awal.']),
      crlf(['On 23/11/2026 09.00, Helpdesk wrote:', '> Mohon kirim KAK aplikasi.']),
    ]) {
      const folded = foldQuotedText(text);
      expect(folded.quoted).withContext(text).toBeFalse();
      expect(folded.own).toBe(text.replace(/\r\n/g, '\n'));
    }
  });

  it('folds nothing in a message without quotes', () => {
    const folded = foldQuotedText('Dokumen terlampir.\r\n\r\nWayan');
    expect(folded).toEqual({
      own: 'Dokumen terlampir.\n\nWayan',
      whole: 'Dokumen terlampir.\n\nWayan',
      quoted: false,
    });
  });
});
