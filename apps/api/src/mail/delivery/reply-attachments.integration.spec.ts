import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentView, Problem, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AttachmentStore } from '@sigap/api-attachments';
import { AttachmentEntity } from '@sigap/api-attachments';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { DATABASES, type TestApp } from '../../testing/test-app';
import { baliEmailTicket } from '../../testing/ticket-bodies';
import { REPLY_ATTACHMENTS_MAX_BYTES } from '@sigap/api-mail';
import { OutboxWorker } from '@sigap/api-mail';
import { RecordingSmtp, appWithRecordingSmtp } from './testing/recording-smtp';

const REQUESTER = 'wayan.adi@bappeda.baliprov.go.id';
const PDF = Buffer.from(
  `%PDF-1.4\n1 0 obj <<>> endobj\n% surat balasan ${'x'.repeat(3000)}\ntrailer <<>>\n%%EOF\n`,
  'latin1',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(600, 7),
]);

for (const kind of DATABASES) {
  describe(`an agent's reply carries its attachments by mail [${kind}]`, () => {
    let app: TestApp;
    let smtp: RecordingSmtp;
    let ds: DataSource;
    let worker: OutboxWorker;
    let ticket: TicketDetail;

    const token = () => app.token('helpdesk.bali@sigap.local');
    const upload = async (name: string, bytes: Buffer, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      const res = await fetch(`${app.baseUrl}/api/v1/tickets/${ticket.number}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token()}` },
        body: form,
      });
      const body = (await res.json()) as AttachmentView;
      expect(res.status).withContext(JSON.stringify(body)).toBe(201);
      return body;
    };
    const reply = async (body: string, attachmentIds: string[]) => {
      const current = await app.request<TicketDetail>('GET', `/api/v1/tickets/${ticket.number}`, {
        token: await token(),
      });
      return app.request<Problem>('POST', `/api/v1/tickets/${ticket.number}/replies`, {
        token: await token(),
        body: { body, attachmentIds, expectedVersion: current.body.version },
      });
    };
    const replyRows = () =>
      ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.reply' } });

    const running = appWithRecordingSmtp(kind, {
      SIGAP_SLA_SWEEP_SECONDS: '0',
    });

    beforeAll(async () => {
      ({ app, smtp } = running);
      ds = app.app.get(DataSource);
      worker = app.app.get(OutboxWorker);
      const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await token(),
        body: baliEmailTicket('Dokumen balasan', 'Permohonan dengan balasan berlampiran.', {
          name: 'Wayan Adi',
          email: REQUESTER,
        }),
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      ticket = opened.body;
      await worker.drain();
    }, 60_000);

    it('sends the files with their names, media types and exact bytes', async () => {
      const pdf = await upload('Surat Balasan Kadis.pdf', PDF, 'application/pdf');
      const png = await upload('tangkapan layar.png', PNG, 'image/png');
      const res = await reply('Berikut surat balasan dan tangkapan layarnya.', [pdf.id, png.id]);
      expect(res.status).withContext(res.text).toBe(200);
      const [row] = await replyRows();
      expect(JSON.parse(row.payload).attachmentIds).toEqual([pdf.id, png.id]);

      const result = await worker.drain();
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const sent = await ds.getRepository(OutboxEntity).findOneByOrFail({ id: row.id });
      expect(sent.status)
        .withContext(sent.lastError ?? '')
        .toBe('sent');
      const got = smtp.byMessageId(sent.messageId);
      expect(got?.to).toEqual([REQUESTER]);
      expect(got?.mail.text).toContain('Berikut surat balasan');
      const files = got?.mail.attachments ?? [];
      expect(files.map((f) => [f.filename, f.contentType, f.contentDisposition])).toEqual([
        ['Surat Balasan Kadis.pdf', 'application/pdf', 'attachment'],
        ['tangkapan layar.png', 'image/png', 'attachment'],
      ]);
      expect(files[0].content.equals(PDF)).toBeTrue();
      expect(files[1].content.equals(PNG)).toBeTrue();
    }, 30_000);

    it('refuses at reply time files that together exceed what one mail may carry', async () => {
      const before = (await replyRows()).length;
      const t = await ds.getRepository(TicketEntity).findOneByOrFail({ number: ticket.number });
      // Two stored files whose recorded sizes add up to just over the limit.
      const half = Math.floor(REPLY_ATTACHMENTS_MAX_BYTES / 2) + 1;
      const ids = [randomUUID(), randomUUID()];
      for (const id of ids) {
        await ds.getRepository(AttachmentEntity).insert({
          id,
          officeCode: t.officeCode,
          ticketId: t.id,
          sha256: AttachmentStore.sha256(PDF),
          size: half,
          mediaType: 'application/pdf',
          fileName: `besar-${id.slice(0, 4)}.pdf`,
          uploadedBy: null,
          createdAt: new Date(),
        });
      }
      const res = await reply('Dua berkas besar.', ids);
      expect(res.status).withContext(res.text).toBe(422);
      expect(res.body.code).toBe('ticket.attachment_invalid');
      expect(res.body.detail).toContain('terlalu besar untuk dikirim lewat e-mail');
      expect(res.body.detail).toContain('batasnya 15 MB');
      expect((await replyRows()).length).toBe(before);
      // One of them alone is within the limit.
      const one = await reply('Satu berkas besar.', [ids[0]]);
      expect(one.status).withContext(one.text).toBe(200);
      await ds.getRepository(OutboxEntity).delete({ kind: 'ticket.reply', status: 'pending' });
    }, 30_000);

    it('fails permanently, on the ticket, when a file is gone from the store at send time', async () => {
      const lost = Buffer.concat([PDF, Buffer.from(`hilang ${kind}`, 'latin1')]);
      const file = await upload('akan-hilang.pdf', lost, 'application/pdf');
      const res = await reply('Lampiran yang hilang.', [file.id]);
      expect(res.status).withContext(res.text).toBe(200);
      const store = new AttachmentStore(join(app.config.dataDir, 'attachments'));
      await unlink(store.pathOf(AttachmentStore.sha256(lost)));
      const before = smtp.messages.length;
      await worker.drain();
      expect(smtp.messages.length).toBe(before);
      const row = (await replyRows()).find((r) => r.payload.includes(file.id));
      expect(row?.status).toBe('failed');
      expect(row?.lastError).toContain('"akan-hilang.pdf" tidak ditemukan');
      const t = await ds.getRepository(TicketEntity).findOneByOrFail({ number: ticket.number });
      const failed = await ds
        .getRepository(TimelineEntryEntity)
        .find({ where: { ticketId: t.id, event: 'mail.failed' } });
      expect(failed.some((e) => e.body?.includes('akan-hilang.pdf'))).toBeTrue();
    }, 30_000);
  });
}
