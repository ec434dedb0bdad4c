import { channelsOfPiece, splitChannelRun } from './channels';

const read = (text: string) => splitChannelRun(text).map((p) => channelsOfPiece(p));

describe('complaint channels', () => {
  it('cuts a run of labelled channels at each label, leaving a lead-in out', () => {
    expect(
      splitChannelRun(
        'Melalui : Website : https://kominfo.contoh.go.id Telepon : (0411) 223344 Email : aduan@contoh.go.id SP4N-LAPOR! (lapor.go.id) Instagram : kominfocontoh',
      ),
    ).toEqual([
      'Website : https://kominfo.contoh.go.id',
      'Telepon : (0411) 223344',
      'Email : aduan@contoh.go.id',
      'SP4N-LAPOR! (lapor.go.id)',
      'Instagram : kominfocontoh',
    ]);
  });

  it('gives words after a value without a label of their own an item of their own', () => {
    expect(splitChannelRun('SP4N Lapor www.lapor.go.id Sapa Warga Email : a@contoh.go.id')).toEqual(
      ['SP4N Lapor www.lapor.go.id', 'Sapa Warga', 'Email : a@contoh.go.id'],
    );
  });

  it('keeps prose whole', () => {
    const prose =
      'pengaduan dapat disampaikan secara tertulis kepada kepala dinas atau melalui telepon';
    expect(splitChannelRun(prose)).toEqual([prose]);
    expect(channelsOfPiece(prose)).toBeNull();
  });

  it('reads the usual ways of writing a label', () => {
    expect(read('No. WA : 0812 1111 2222')).toEqual([
      [{ kind: 'other', value: 'WhatsApp: 0812 1111 2222' }],
    ]);
    expect(read('Telp/WA: 0812 3333 4444')).toEqual([[{ kind: 'phone', value: '0812 3333 4444' }]]);
    expect(read('SMS Center 0812 5555 6666')).toEqual([
      [{ kind: 'phone', value: '0812 5555 6666' }],
    ]);
    expect(read('Hotline 112 dan Email: a@contoh.go.id')).toEqual([
      [{ kind: 'phone', value: '112' }],
      [{ kind: 'email', value: 'a@contoh.go.id' }],
    ]);
    expect(read('Email : a@contoh.go.id / b@gmail.com')).toEqual([
      [
        { kind: 'email', value: 'a@contoh.go.id' },
        { kind: 'email', value: 'b@gmail.com' },
      ],
    ]);
  });

  it('shares one handle among the networks listed before it', () => {
    expect(channelsOfPiece('Media sosial : Instagram, Twitter, Facebook: @kominfocontoh')).toEqual([
      { kind: 'other', value: 'Instagram: @kominfocontoh' },
      { kind: 'other', value: 'Twitter: @kominfocontoh' },
      { kind: 'other', value: 'Facebook: @kominfocontoh' },
    ]);
  });

  it('keeps a described channel whole, and does not take a label without a value for one', () => {
    expect(read('Tertulis dimasukkan ke Kotak Pengaduan')).toEqual([
      [{ kind: 'letter', value: 'Tertulis dimasukkan ke Kotak Pengaduan' }],
    ]);
    expect(channelsOfPiece('Email Dinas')).toBeNull();
  });
});
