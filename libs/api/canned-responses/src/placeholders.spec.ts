import { scanPlaceholders } from './placeholders';

describe('canned response placeholders', () => {
  it('lists known placeholders once, in order of first use, spaces inside braces allowed', () => {
    const result = scanPlaceholders('{{ layanan }} untuk {{nomor}}: {{nomor}} / {{nama_pemohon}}');
    expect(result.known).toEqual(['layanan', 'nomor', 'nama_pemohon']);
    expect(result.unknown).toEqual([]);
  });

  it('reports unknown names, including an empty pair of braces', () => {
    const result = scanPlaceholders('{{nomor}} {{alamat}} {{}} {{alamat}}');
    expect(result.known).toEqual(['nomor']);
    expect(result.unknown).toEqual(['alamat', '']);
  });

  it('ignores single braces and plain text', () => {
    expect(scanPlaceholders('{nomor} tanpa placeholder')).toEqual({ known: [], unknown: [] });
  });
});
