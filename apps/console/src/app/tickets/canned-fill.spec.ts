import { fillCanned, insertAt } from './canned-fill';

describe('canned response filling', () => {
  it('fills every known placeholder, spaces inside braces allowed, repeated ones too', () => {
    const text = fillCanned('Yth. {{ nama_pemohon }}, tiket {{nomor}} ({{layanan}}): {{nomor}}', {
      nama_pemohon: 'Komang',
      nomor: 'BALI-2026-00007',
      layanan: 'Pengembangan aplikasi',
    });
    expect(text).toBe(
      'Yth. Komang, tiket BALI-2026-00007 (Pengembangan aplikasi): BALI-2026-00007',
    );
  });

  it('leaves a placeholder without a value as written', () => {
    expect(fillCanned('Batas: {{batas_waktu}}', { batas_waktu: null })).toBe(
      'Batas: {{batas_waktu}}',
    );
    expect(fillCanned('{{tidak_dikenal}}', { nomor: 'X' })).toBe('{{tidak_dikenal}}');
  });

  it('inserts at the caret with blank lines around it, and returns the new caret', () => {
    expect(insertAt('', 'Salam', 0)).toEqual({ text: 'Salam', caret: 5 });
    expect(insertAt('Awal', 'Salam', 4)).toEqual({ text: 'Awal\n\nSalam', caret: 11 });
    expect(insertAt('Awal\nAkhir', 'X', 5)).toEqual({ text: 'Awal\n\nX\n\nAkhir', caret: 7 });
    expect(insertAt('Ganti ini', 'Baru', 0, 9)).toEqual({ text: 'Baru', caret: 4 });
  });
});
