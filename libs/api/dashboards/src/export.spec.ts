import { Workbook } from 'exceljs';
import { ikmSheets, toCsv, toXlsx, type Sheet } from './export';

const META = {
  scope: { office: 'bali', holderId: null, holderName: null },
  from: '2026-01',
  to: '2026-12',
  period: 'month' as const,
  dataAsOf: '2026-05-27T01:00:00.000Z',
  generatedAt: '2026-05-27T01:00:30.000Z',
};

describe('dashboard exports', () => {
  const sheet: Sheet = {
    name: 'Kepatuhan',
    headers: ['Kelompok', 'Jumlah'],
    rows: [
      ['=HYPERLINK("http://x")', 3],
      ['Dinas "Kesehatan", Bali', 2],
      ['-1+2', null],
    ],
  };

  it('writes RFC 4180 CSV with a BOM, quoting, and formulas neutralised', () => {
    const csv = toCsv([sheet]);
    expect(csv.startsWith('\uFEFF')).toBeTrue();
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Kelompok,Jumlah',
      `"'=HYPERLINK(""http://x"")",3`,
      '"Dinas ""Kesehatan"", Bali",2',
      "'-1+2,",
    ]);
  });

  it('exports the IKM truncated to two decimals, the value its grade is read from', () => {
    const figures = {
      respondents: 7,
      averages: null,
      index: 3.53236,
      converted: 88.309,
      shown: '88.30',
      grade: 'B' as const,
      gradeName: 'Baik',
    };
    const [sheet] = ikmSheets({
      ...META,
      rows: [
        { ...figures, officeCode: 'bali', period: '2026-05', serviceCode: 'a', serviceName: 'A' },
      ],
      totals: [
        {
          ...figures,
          converted: 64.999,
          shown: '64.99',
          grade: 'D',
          gradeName: 'Tidak baik',
          officeCode: 'bali',
          period: '2026-05',
        },
      ],
    });
    expect(sheet.rows[0].slice(2, 5)).toEqual([7, 88.3, 'B']);
    expect(sheet.rows[1].slice(2, 5)).toEqual([7, 64.99, 'D']);
  });

  it('names the table in a first column when several go into one CSV', () => {
    const csv = toCsv([sheet, { ...sheet, name: 'Tren', rows: [['2026-04', 1]] }]);
    expect(csv).toContain('Tabel,Kelompok,Jumlah');
    expect(csv).toContain('Tren,2026-04,1');
  });

  it('writes one XLSX worksheet per table plus the filters', async () => {
    const buffer = await toXlsx([sheet], META);
    const workbook = new Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Kepatuhan');
    expect(ws?.getRow(1).getCell(1).value).toBe('Kelompok');
    expect(ws?.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://x")`);
    expect(ws?.getRow(2).getCell(2).value).toBe(3);
    const info = workbook.getWorksheet('Keterangan');
    expect(info?.getRow(1).getCell(2).value).toBe('bali');
  });
});
