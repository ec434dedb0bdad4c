import { cleanText, complaintPrefix } from './complaint-text';

describe('complaint helpers', () => {
  it('keeps text, line breaks and tabs, and drops other control characters', () => {
    expect(cleanText('Baris satu\r\nBaris\tdua\u0000\u0007\u001b[31m\u007f!')).toBe(
      'Baris satu\nBaris\tdua[31m!',
    );
    expect(cleanText('Layanan lambat — mohon ditindaklanjuti')).toBe(
      'Layanan lambat — mohon ditindaklanjuti',
    );
  });

  it('makes complaint prefixes that ticket-number matching accepts', () => {
    expect(complaintPrefix('BALI')).toBe('ADUBALI');
    expect(complaintPrefix('ttg')).toBe('ADUTTG');
    expect(complaintPrefix('KOTATEBINGTINGGI')).toBe('ADUKOTATEBIN');
    expect(complaintPrefix('KOTATEBINGTINGGI')).toMatch(/^[A-Z0-9]{2,12}$/);
  });
});
