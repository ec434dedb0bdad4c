import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionOf, sniff, sniffFile } from './sniff';

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniff', () => {
  const type = (bytes: Buffer) => {
    const r = sniff(bytes);
    return r.ok ? r.type.label : `refused:${r.reason}`;
  };

  it('recognises the accepted types by their magic bytes', () => {
    expect(type(b('%PDF-1.7\n%...'))).toBe('PDF');
    expect(type(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('PNG');
    expect(type(b([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('JPEG');
    expect(type(b('GIF89a....'))).toBe('GIF');
    expect(type(b([0x50, 0x4b, 3, 4], '....[Content_Types].xml....word/document.xml'))).toBe(
      'DOCX',
    );
    expect(type(b([0x50, 0x4b, 3, 4], '[Content_Types].xml xl/workbook.xml'))).toBe('XLSX');
    expect(type(b([0x50, 0x4b, 3, 4], '[Content_Types].xml ppt/presentation.xml'))).toBe('PPTX');
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(type(Buffer.concat([b(ole), Buffer.from('WordDocument', 'utf16le')]))).toBe('DOC');
    expect(type(Buffer.concat([b(ole), Buffer.from('Workbook', 'utf16le')]))).toBe('XLS');
    expect(type(Buffer.from('Nomor surat: 005/123\nPerihal: permohonan\n', 'utf8'))).toBe('teks');
    expect(type(Buffer.from('\ufeffNama;Email\nBudi;budi@x.go.id\n', 'utf8'))).toBe('teks');
  });

  it('refuses executables, scripts, markup, unknown binaries and empty files', () => {
    expect(type(b('MZ', [0x90, 0, 3, 0]))).toBe('refused:executable');
    expect(type(b([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBe('refused:executable');
    expect(type(b('#!/bin/sh\nrm -rf /\n'))).toBe('refused:executable');
    expect(type(b('  <!DOCTYPE html><html><body>x</body></html>'))).toBe('refused:markup');
    expect(type(b('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('refused:markup');
    expect(type(b('halo <script>alert(1)</script>'))).toBe('refused:markup');
    expect(type(b([0x50, 0x4b, 3, 4], 'plain.zip entry'))).toBe('refused:unknown');
    expect(type(b([0, 1, 2, 3, 0xfe]))).toBe('refused:unknown');
    expect(type(b([0xc3, 0x28]))).toBe('refused:unknown'); // invalid UTF-8
    expect(type(Buffer.alloc(0))).toBe('refused:empty');
  });

  it('reads extensions case-insensitively', () => {
    expect(extensionOf('Surat.PDF')).toBe('pdf');
    expect(extensionOf('arsip.tar.gz')).toBe('gz');
    expect(extensionOf('tanpa-ekstensi')).toBe('');
  });
});

describe('sniffFile (large files read in parts, never whole)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sigap-sniff-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const MB = 1024 * 1024;
  /** Sniffs the bytes from a file and in memory; both must agree. */
  const both = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const fromFile = await sniffFile(path);
    const inMemory = sniff(bytes);
    expect(fromFile).withContext(name).toEqual(inMemory);
    return fromFile.ok ? fromFile.type.label : `refused:${fromFile.reason}:${fromFile.label}`;
  };
  const line = 'Nomor surat: 005/123 — Perihal: permohonan data ñ 東京\n';
  const text = (bytes: number) =>
    Buffer.from(line.repeat(Math.ceil(bytes / Buffer.byteLength(line))), 'utf8');

  it('agrees with sniff on small and large files of every family', async () => {
    expect(await both('kecil.pdf', Buffer.from('%PDF-1.7\n'))).toBe('PDF');
    expect(await both('kosong.txt', Buffer.alloc(0))).toBe('refused:empty:kosong');
    expect(
      await both('besar.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * MB)])),
    ).toBe('PDF');
    expect(await both('program.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(MB)]))).toBe(
      'refused:executable:program Windows',
    );
    // A ZIP whose part names sit only in its central directory, at the end.
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 3, 4]),
      Buffer.alloc(3 * MB, 0x41),
      Buffer.from('[Content_Types].xml word/document.xml', 'latin1'),
    ]);
    expect(await both('laporan.docx', zip)).toBe('DOCX');
    const plainZip = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(MB, 0x41)]);
    expect(await both('arsip.zip', plainZip)).toBe('refused:unknown:arsip ZIP');
    // An OLE file whose directory lies deep inside, across a chunk boundary.
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Buffer.from('WordDocument', 'utf16le');
    const doc = Buffer.concat([
      ole,
      Buffer.alloc(MB - ole.length - 10, 0x20),
      name,
      Buffer.alloc(MB),
    ]);
    expect(await both('surat.doc', doc)).toBe('DOC');
    const book = Buffer.concat([ole, Buffer.alloc(2 * MB), Buffer.from('Workbook', 'utf16le')]);
    expect(await both('data.xls', book)).toBe('XLS');
  });

  it('reads all of a large text file: UTF-8 across chunks, late binary or script refused', async () => {
    const big = text(3 * MB);
    expect(await both('catatan.txt', big)).toBe('teks');
    expect(await both('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), big]))).toBe(
      'teks',
    );
    // A multi-byte character split by the 1 MB chunk boundary is still UTF-8.
    const split = Buffer.concat([Buffer.alloc(MB - 1, 0x61), Buffer.from('東京\n', 'utf8'), big]);
    expect(await both('pisah.txt', split)).toBe('teks');
    const lateNul = Buffer.concat([big, Buffer.from([0x00])]);
    expect(await both('nul.txt', lateNul)).toBe('refused:unknown:biner');
    const badUtf8 = Buffer.concat([big, Buffer.from([0xc3])]);
    expect(await both('rusak.txt', badUtf8)).toBe('refused:unknown:biner');
    // "<script" across the chunk boundary.
    const script = Buffer.concat([
      Buffer.alloc(MB - 3, 0x61),
      Buffer.from('<script>x</script>'),
      big,
    ]);
    expect(await both('skrip.txt', script)).toBe('refused:markup:HTML dengan skrip');
    const html = Buffer.concat([Buffer.from('  <!DOCTYPE html><p>'), big]);
    expect(await both('halaman.txt', html)).toBe('refused:markup:HTML/XML');
  });
});
