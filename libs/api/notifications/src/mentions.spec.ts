import { handleOf, parseMentions, resolveMentions } from './mentions';

describe('mentions in an internal note', () => {
  const office = [
    { id: 'u-kasi', email: 'kasi-ai.bali@sigap.local' },
    { id: 'u-help', email: 'helpdesk.bali@sigap.local' },
    { id: 'u-made', email: 'made@baliprov.go.id' },
    { id: 'u-made2', email: 'made@diskominfo.baliprov.go.id' },
  ];

  it('takes the local part of the address as the handle, in lower case', () => {
    expect(handleOf('Kasi-AI.Bali@sigap.local')).toBe('kasi-ai.bali');
  });

  it('finds handles at the start, after spaces and brackets, once each, in order', () => {
    expect(
      parseMentions('@kasi-ai.bali tolong cek (@helpdesk.bali) lalu @Kasi-AI.bali lagi'),
    ).toEqual(['kasi-ai.bali', 'helpdesk.bali']);
  });

  it('leaves trailing punctuation out of the handle', () => {
    expect(parseMentions('Mohon dicek, @kasi-ai.bali. Terima kasih @helpdesk.bali, @x-y!')).toEqual(
      ['kasi-ai.bali', 'helpdesk.bali', 'x-y'],
    );
    expect(parseMentions('sudah? @kasi-ai.bali: ya; @helpdesk.bali…')).toEqual([
      'kasi-ai.bali',
      'helpdesk.bali',
    ]);
  });

  it('does not read an e-mail address written in the note as a mention', () => {
    expect(parseMentions('kirim ke budi@dinas.go.id dan kasi-ai.bali@sigap.local')).toEqual([]);
    expect(parseMentions('lihat https://x.go.id/@kasi-ai.bali')).toEqual([]);
  });

  it('takes a whole address after @ as one mention', () => {
    expect(parseMentions('@made@baliprov.go.id, mohon tindak lanjut.')).toEqual([
      'made@baliprov.go.id',
    ]);
  });

  it('resolves handles to users of the office; unknown names and other offices mention nobody', () => {
    expect(resolveMentions('@kasi-ai.bali dan @helpdesk.bali', office, null)).toEqual([
      'u-kasi',
      'u-help',
    ]);
    expect(resolveMentions('@siapa.saja @kasi-ai.riau @', office, null)).toEqual([]);
  });

  it('mentions nobody by a handle two colleagues share, but the whole address works', () => {
    expect(resolveMentions('@made tolong', office, null)).toEqual([]);
    expect(resolveMentions('@made@diskominfo.baliprov.go.id tolong', office, null)).toEqual([
      'u-made2',
    ]);
  });

  it('never notifies the author of their own mention', () => {
    expect(
      resolveMentions('catatan untuk @helpdesk.bali dan @kasi-ai.bali', office, 'u-help'),
    ).toEqual(['u-kasi']);
  });
});
