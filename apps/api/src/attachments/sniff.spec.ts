import { extensionOf, sniff } from './sniff';

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
