import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { AttachmentView, Problem, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200, 0x90)]);
const HTML = Buffer.from('<html><body><script>fetch("/api")</script></body></html>');
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 3, 4]),
  Buffer.from('..[Content_Types].xml..word/document.xml..', 'latin1'),
]);

/** Every file under a folder (the attachment store), recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describeOnBothDatabases(
  'attachments: upload, sniffing, limits and download',
  (ctx) => {
    let app: TestApp;
    let t: TicketDetail;
    let other: TicketDetail;
    const helpdesk = () => app.token('helpdesk.bali@sigap.local');
    const store = () => join(app.config.dataDir, 'attachments');
    const rows = async () =>
      Number((await app.app.get(DataSource).query('SELECT COUNT(*) AS n FROM attachments'))[0].n);

    const upload = async (
      number: string,
      name: string,
      bytes: Buffer,
      token?: string,
      type = 'application/pdf',
    ) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      const res = await fetch(`${app.baseUrl}/api/v1/tickets/${number}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token ?? (await helpdesk())}` },
        body: form,
      });
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text) as AttachmentView & Problem, text };
    };
    const open = async (subject: string) => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await helpdesk(),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'portal',
          subject,
          description: 'Uji lampiran.',
          requester: { name: 'Komang', email: 'komang@bappeda.baliprov.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    };

    beforeAll(async () => {
      app = ctx();
      t = await open('Lampiran satu');
      other = await open('Lampiran dua');
    });

    it('stores a PDF content-addressed with its checksum and serves it only as a download', async () => {
      const res = await upload(t.number, 'surat permohonan.pdf', PDF, undefined, 'text/html');
      expect(res.status).withContext(res.text).toBe(201);
      const sha = createHash('sha256').update(PDF).digest('hex');
      // The client's Content-Type (text/html here) is ignored: the bytes say PDF.
      expect(res.body.mediaType).toBe('application/pdf');
      expect(res.body.sha256).toBe(sha);
      expect(res.body.size).toBe(PDF.length);
      expect(existsSync(join(store(), sha.slice(0, 2), sha.slice(2, 4), sha))).toBeTrue();

      const got = await fetch(`${app.baseUrl}${res.body.href}`, {
        headers: { Authorization: `Bearer ${await helpdesk()}` },
      });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toMatch(
        /^attachment; filename="surat permohonan\.pdf"/,
      );
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBeTrue();

      // The same content again shares the stored copy.
      const again = await upload(t.number, 'salinan.pdf', PDF);
      expect(again.status).toBe(201);
      expect(filesUnder(store()).length).toBe(1);
    });

    it('keeps a UTF-8 file name as sent, and offers it back for download', async () => {
      const name = 'Surat Permohonan – Dinas Pariwisata ñ 東京.pdf';
      const bytes = Buffer.concat([PDF, Buffer.from('% nama utf-8\n')]);
      const res = await upload(t.number, name, bytes);
      expect(res.status).withContext(res.text).toBe(201);
      expect(res.body.fileName).toBe(name);
      const detail = await app.request<TicketDetail>('GET', `/api/v1/tickets/${t.number}`, {
        token: await helpdesk(),
      });
      expect(JSON.stringify(detail.body)).not.toContain('Ã');
      const got = await fetch(`${app.baseUrl}${res.body.href}`, {
        headers: { Authorization: `Bearer ${await helpdesk()}` },
      });
      expect(got.status).toBe(200);
      const disposition = got.headers.get('content-disposition') ?? '';
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(disposition).toContain('filename="Surat Permohonan _ Dinas Pariwisata _ __.pdf"');
      // Decomposed names are composed; direction overrides that disguise a name are dropped.
      const decomposed = await upload(t.number, 'Pen\u0303a.pdf', bytes);
      expect(decomposed.body.fileName).toBe('Peña.pdf');
      const disguised = await upload(t.number, 'foto\u202egpj.pdf', bytes);
      expect(disguised.status).toBe(201);
      expect(disguised.body.fileName).toBe('fotogpj.pdf');
      const long = await upload(t.number, `${'東'.repeat(300)}.pdf`, bytes);
      expect(Array.from(long.body.fileName).length).toBe(255);
      expect(long.body.fileName.endsWith('.pdf')).toBeTrue();
    });

    it('writes an upload to disk while it arrives, never whole in memory, then stores it', async () => {
      const incoming = join(store(), '.incoming');
      // 900 KB of PDF (under this suite's 1 MB limit), sent in two halves with a pause between.
      const bytes = Buffer.concat([PDF, randomBytes(900 * 1024)]);
      const boundary = `----sigap${randomBytes(8).toString('hex')}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pindaian.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const half = 450 * 1024;
      const url = new URL(`${app.baseUrl}/api/v1/tickets/${t.number}/attachments`);
      const token = await helpdesk();
      let growing = 0;
      const answer = await new Promise<{ status: number; body: AttachmentView }>(
        (resolve, reject) => {
          const req = request(
            {
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              method: 'POST',
              headers: {
                Authorization: `Bearer ${token}`,
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
                'Content-Length': String(head.length + bytes.length + tail.length),
              },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
                }),
              );
            },
          );
          req.on('error', reject);
          req.write(Buffer.concat([head, bytes.subarray(0, half)]));
          // The first half is on disk, in a private file, before the rest is even sent.
          const check = async () => {
            for (let i = 0; i < 100; i++) {
              const parts = filesUnder(incoming).filter((f) => f.endsWith('.part'));
              const size = parts.length ? statSync(parts[0]).size : 0;
              if (size >= half - 64 * 1024) return size;
              await new Promise((r) => setTimeout(r, 50));
            }
            return 0;
          };
          void check().then((size) => {
            growing = size;
            req.end(Buffer.concat([bytes.subarray(half), tail]));
          });
        },
      );
      expect(growing).toBeGreaterThan(0);
      expect(answer.status).withContext(JSON.stringify(answer.body)).toBe(201);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(answer.body.sha256).toBe(sha);
      expect(answer.body.size).toBe(bytes.length);
      const stored = join(store(), sha.slice(0, 2), sha.slice(2, 4), sha);
      expect(readFileSync(stored).equals(bytes)).toBeTrue();
      // Nothing left in flight.
      expect(filesUnder(incoming)).toEqual([]);
    });

    it('leaves nothing behind when the client drops the connection mid-upload', async () => {
      const incoming = join(store(), '.incoming');
      const before = { rows: await rows(), files: filesUnder(store()).length };
      const boundary = `----sigap${randomBytes(8).toString('hex')}`;
      const url = new URL(`${app.baseUrl}/api/v1/tickets/${t.number}/attachments`);
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await helpdesk()}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(900 * 1024),
        },
      });
      req.on('error', () => undefined);
      req.write(
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="putus.pdf"\r\n\r\n`,
          ),
          PDF,
          randomBytes(300 * 1024),
        ]),
      );
      const parts = () => filesUnder(incoming).filter((f) => f.endsWith('.part'));
      for (let i = 0; i < 100 && !parts().length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(parts().length).toBe(1);
      req.destroy();
      for (let i = 0; i < 100 && parts().length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(parts()).toEqual([]);
      expect(await rows()).toBe(before.rows);
      expect(filesUnder(store()).length).toBe(before.files);
    });

    it('recognises an office file and links attachments to checklist items', async () => {
      const docx = await upload(t.number, 'proses-bisnis.docx', DOCX);
      expect(docx.status).withContext(docx.text).toBe(201);
      expect(docx.body.mediaType).toContain('wordprocessingml');
      const res = await app.request<TicketDetail>(
        'POST',
        `/api/v1/tickets/${t.number}/checklist/r2/receive`,
        {
          token: await helpdesk(),
          body: { expectedVersion: t.version, attachmentIds: [docx.body.id] },
        },
      );
      expect(res.status).withContext(res.text).toBe(200);
      t = res.body;
      expect(t.checklist[1].attachmentIds).toEqual([docx.body.id]);
      // Another ticket's attachment cannot be linked here.
      const foreign = await upload(other.number, 'lain.pdf', PDF);
      const refused = await app.request<Problem>(
        'POST',
        `/api/v1/tickets/${t.number}/checklist/r1/receive`,
        {
          token: await helpdesk(),
          body: { expectedVersion: t.version, attachmentIds: [foreign.body.id] },
        },
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('ticket.attachment_invalid');
    });

    it('refuses disguised, executable, markup, oversized and missing files; nothing is stored', async () => {
      const before = { rows: await rows(), files: filesUnder(store()).length };
      const exe = await upload(t.number, 'surat.pdf', EXE);
      expect(exe.status).toBe(415);
      expect(exe.body.code).toBe('attachment.unsupported_type');
      expect(exe.body.detail).toContain('program Windows');
      const html = await upload(t.number, 'surat.pdf', HTML);
      expect(html.status).toBe(415);
      expect(html.body.code).toBe('attachment.unsupported_type');
      const mismatch = await upload(t.number, 'surat.pdf', PNG);
      expect(mismatch.status).toBe(415);
      expect(mismatch.body.code).toBe('attachment.type_mismatch');
      expect(mismatch.body.detail).toContain('.pdf');
      // SIGAP_ATTACHMENT_MAX_MB=1 in this suite: one byte over is 413.
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length + 1, 0x20)]);
      const tooLarge = await upload(t.number, 'besar.pdf', big);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.code).toBe('attachment.too_large');
      const none = await app.request<Problem>('POST', `/api/v1/tickets/${t.number}/attachments`, {
        token: await helpdesk(),
        body: { file: 'bukan berkas' },
      });
      expect(none.status).toBe(400);
      expect(none.body.code).toBe('attachment.missing_file');
      expect(await rows()).toBe(before.rows);
      expect(filesUnder(store()).length).toBe(before.files);
      expect(filesUnder(join(store(), '.incoming'))).toEqual([]);
    });

    it("hides another office's ticket and attachment (404), and a read-only user cannot upload", async () => {
      const riau = await app.token('helpdesk.riau@sigap.local');
      const up = await upload(t.number, 'x.pdf', PDF, riau);
      expect(up.status).toBe(404);
      const id = t.checklist[1].attachmentIds[0];
      const down = await app.request<Problem>('GET', `/api/v1/attachments/${id}`, { token: riau });
      expect(down.status).toBe(404);
      const missing = await app.request<Problem>('GET', '/api/v1/attachments/nope', {
        token: await helpdesk(),
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('attachment.not_found');
    });

    it("lists a ticket's files, oldest first, only to those who may read it", async () => {
      const fresh = await open('Dokumen dibawa ke loket');
      const empty = await app.request<AttachmentView[]>(
        'GET',
        `/api/v1/tickets/${fresh.number}/attachments`,
        { token: await helpdesk() },
      );
      expect(empty.status).withContext(empty.text).toBe(200);
      expect(empty.body).toEqual([]);
      const first = await upload(fresh.number, 'ktp.png', PNG, undefined, 'image/png');
      const second = await upload(fresh.number, 'surat.pdf', PDF);
      expect([first.status, second.status]).toEqual([201, 201]);
      const list = await app.request<AttachmentView[]>(
        'GET',
        `/api/v1/tickets/${fresh.number}/attachments`,
        { token: await helpdesk() },
      );
      expect(list.status).toBe(200);
      expect(list.body.map((a) => [a.fileName, a.ticket, a.href])).toEqual([
        ['ktp.png', fresh.number, `/api/v1/attachments/${first.body.id}`],
        ['surat.pdf', fresh.number, `/api/v1/attachments/${second.body.id}`],
      ]);
      // Another ticket's files are not among them, and another office sees no list at all.
      const others = await app.request<AttachmentView[]>(
        'GET',
        `/api/v1/tickets/${other.number}/attachments`,
        { token: await helpdesk() },
      );
      expect(others.body.map((a) => a.id)).not.toContain(first.body.id);
      const riau = await app.request<Problem>(
        'GET',
        `/api/v1/tickets/${fresh.number}/attachments`,
        {
          token: await app.token('helpdesk.riau@sigap.local'),
        },
      );
      expect(riau.status).toBe(404);
      const anonymous = await app.request<Problem>(
        'GET',
        `/api/v1/tickets/${fresh.number}/attachments`,
      );
      expect(anonymous.status).toBe(401);
    });

    it('an unknown service is a 422 naming it, and no ticket is created', async () => {
      const count = async () =>
        Number((await app.app.get(DataSource).query('SELECT COUNT(*) AS n FROM tickets'))[0].n);
      const before = await count();
      const res = await app.request<Problem>('POST', '/api/v1/tickets', {
        token: await helpdesk(),
        body: {
          office: 'bali',
          service: 'layanan-tidak-ada',
          channel: 'letter',
          subject: 'x',
          description: 'x',
          requester: { name: 'X' },
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ticket.unknown_service');
      expect(res.body.detail).toContain('layanan-tidak-ada');
      expect(await count()).toBe(before);
      const contacts = Number(
        (
          await app.app
            .get(DataSource)
            .query("SELECT COUNT(*) AS n FROM requester_contacts WHERE name = 'X'")
        )[0].n,
      );
      expect(contacts).toBe(0);
    });
  },
  { SIGAP_ATTACHMENT_MAX_MB: '1' },
);
