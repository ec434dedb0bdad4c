import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  OutboxItemView,
  OutboxMessageView,
  OutboxPageView,
  TicketDetail,
} from '@sigap/contracts';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { OutboxWorker } from '@sigap/api-mail';
import { keptMailDir } from '@sigap/api-mail';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';
import { OutboxEntity } from '@sigap/api-outbox';

describeOnBothDatabases('admin outbox (embedded default: no SMTP, messages kept)', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let admin: string;
  let ticket: TicketDetail;
  const requester = `ayu.${Date.now()}@diskes.baliprov.go.id`;

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    admin = await app.token('admin@sigap.local');
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await app.token('helpdesk.bali@sigap.local'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'email',
        subject: 'Aplikasi <b>rujukan</b> pasien',
        description: 'Permohonan uji kotak keluar.',
        requester: { name: 'Ayu', email: requester },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    ticket = res.body;
    await app.app.get(OutboxWorker).drain();
  });

  it('lists messages newest first, filtered, with a cursor', async () => {
    const all = await app.request<OutboxPageView>('GET', '/api/v1/admin/outbox', {
      token: admin,
    });
    expect(all.status).withContext(all.text).toBe(200);
    const times = all.body.items.map((i) => Date.parse(i.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const mine = await app.request<OutboxPageView>(
      'GET',
      `/api/v1/admin/outbox?ticket=${ticket.number}&kind=ticket.received&status=sent`,
      { token: admin },
    );
    expect(mine.body.items.length).toBe(1);
    expect(mine.body.items[0].recipient).toBe(requester);
    const byRecipient = await app.request<OutboxPageView>(
      'GET',
      `/api/v1/admin/outbox?recipient=${encodeURIComponent(requester.toUpperCase())}`,
      { token: admin },
    );
    expect(byRecipient.body.items.map((i) => i.id)).toEqual([mine.body.items[0].id]);

    // Page by page with limit=1 visits every row of the unpaged list once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: OutboxPageView } = await app.request<OutboxPageView>(
        'GET',
        `/api/v1/admin/outbox?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin },
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 100);
    expect(seen).toEqual(all.body.items.map((i) => i.id));
  });

  it('refuses bad filters with 400', async () => {
    for (const q of [
      'status=terbang',
      'channel=webhook',
      'channel=',
      'limit=0',
      'cursor=tidak-sah',
      'kind=' + 'x'.repeat(61),
    ]) {
      const res = await app.request('GET', `/api/v1/admin/outbox?${q}`, { token: admin });
      expect(res.status).withContext(q).toBe(400);
    }
  });

  it('shows a kept message: headers, text and sanitised HTML', async () => {
    const [row] = (
      await app.request<OutboxPageView>(
        'GET',
        `/api/v1/admin/outbox?ticket=${ticket.number}&kind=ticket.received`,
        { token: admin },
      )
    ).body.items;
    const res = await app.request<OutboxMessageView>('GET', `/api/v1/admin/outbox/${row.id}`, {
      token: admin,
    });
    expect(res.status).withContext(res.text).toBe(200);
    const m = res.body;
    expect(m.source).toBe('kept');
    expect(m.subject).toContain(ticket.number);
    expect(m.text).toContain(ticket.number);
    expect(m.headers.find((h) => h.name === 'to')?.value).toContain(requester);
    expect(m.headers.find((h) => h.name === 'message-id')?.value).toBe(row.messageId as string);
    expect(m.html).toContain(ticket.number);
    expect(m.html).not.toMatch(/<script|onerror=|javascript:/i);
  });

  it('lists the files a message carries, by name and size only', async () => {
    const id = randomUUID();
    const messageId = `<lampiran.${id}@sigap.local>`;
    const pdf = Buffer.alloc(12_345, 7);
    const transport = createTransport({ streamTransport: true, buffer: true });
    const info = await transport.sendMail({
      from: 'sigap@sigap.local',
      to: requester,
      subject: `[${ticket.number}] Balasan dengan lampiran`,
      messageId,
      text: 'Terlampir surat tanggapan.',
      attachments: [
        { filename: 'surat-tanggapan.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'catatan.txt', content: 'isi-lampiran-rahasia', contentType: 'text/plain' },
      ],
    });
    transport.close();
    const config = app.app.get(AppConfig);
    await mkdir(keptMailDir(config), { recursive: true });
    await writeFile(
      join(keptMailDir(config), `${messageId.replace(/[<>]/g, '')}.eml`),
      info.message as Buffer,
    );
    const at = new Date(Date.now() - 60_000);
    await ds.getRepository(OutboxEntity).insert({
      id,
      kind: 'ticket.reply',
      payload: JSON.stringify({ ticket: ticket.number, body: 'x' }),
      status: 'sent',
      messageId,
      createdAt: at,
      sentAt: at,
      attempts: 1,
      nextAttemptAt: at,
    });
    const res = await app.request<OutboxMessageView>('GET', `/api/v1/admin/outbox/${id}`, {
      token: admin,
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.source).toBe('kept');
    expect(res.body.attachments).toEqual([
      { filename: 'surat-tanggapan.pdf', contentType: 'application/pdf', size: 12_345 },
      { filename: 'catatan.txt', contentType: 'text/plain', size: 20 },
    ]);
    expect(res.text).not.toContain('isi-lampiran-rahasia');
    const plain = await app.request<OutboxMessageView>(
      'GET',
      `/api/v1/admin/outbox/${(await ds.getRepository(OutboxEntity).findOneByOrFail({ kind: 'ticket.received', ticketNumber: ticket.number })).id}`,
      { token: admin },
    );
    expect(plain.body.attachments).toEqual([]);
  });

  it('builds a pending message for reading and hides one carrying a secret link', async () => {
    const pendingId = randomUUID();
    const secretId = randomUUID();
    const now = new Date(Date.now() + 60_000);
    await ds.getRepository(OutboxEntity).insert([
      {
        id: pendingId,
        kind: 'ticket.reply',
        payload: JSON.stringify({
          ticket: ticket.number,
          body: 'Balasan <script>alert(1)</script> uji',
        }),
        status: 'pending',
        createdAt: now,
        attempts: 0,
        nextAttemptAt: new Date(now.getTime() + 3_600_000),
      },
      {
        id: secretId,
        kind: 'password-reset',
        payload: JSON.stringify({ userId: 'x', token: 'rahasia-token-reset' }),
        status: 'pending',
        createdAt: now,
        attempts: 0,
        nextAttemptAt: new Date(now.getTime() + 3_600_000),
      },
    ]);
    const pending = await app.request<OutboxMessageView>(
      'GET',
      `/api/v1/admin/outbox/${pendingId}`,
      { token: admin },
    );
    expect(pending.status).withContext(pending.text).toBe(200);
    expect(pending.body.source).toBe('rendered');
    expect(pending.body.text).toContain('Balasan');
    expect(pending.body.html ?? '').not.toContain('<script');
    const secret = await app.request<OutboxMessageView>('GET', `/api/v1/admin/outbox/${secretId}`, {
      token: admin,
    });
    expect(secret.body.source).toBe('hidden');
    expect(secret.text).not.toContain('rahasia-token-reset');
    const list = await app.request('GET', '/api/v1/admin/outbox?kind=password-reset', {
      token: admin,
    });
    expect(list.text).not.toContain('rahasia-token-reset');
  });

  it('retries a failed message, and only a failed one', async () => {
    const id = randomUUID();
    await ds.getRepository(OutboxEntity).insert({
      id,
      kind: 'ticket.received',
      payload: JSON.stringify({ ticket: ticket.number }),
      status: 'failed',
      createdAt: new Date(),
      attempts: 8,
      nextAttemptAt: new Date(),
      lastError: '550 5.1.1 mailbox unavailable',
    });
    const retried = await app.request<OutboxItemView>('POST', `/api/v1/admin/outbox/${id}/retry`, {
      token: admin,
    });
    expect(retried.status).withContext(retried.text).toBe(200);
    expect([retried.body.status, retried.body.attempts]).toEqual(['pending', 0]);
    const row = await ds.getRepository(OutboxEntity).findOneByOrFail({ id });
    expect(row.status).toBe('pending');
    const twice = await app.request('POST', `/api/v1/admin/outbox/${id}/retry`, {
      token: admin,
    });
    expect(twice.status).toBe(409);
    const missing = await app.request('POST', `/api/v1/admin/outbox/${randomUUID()}/retry`, {
      token: admin,
    });
    expect(missing.status).toBe(404);
    const notId = await app.request('GET', '/api/v1/admin/outbox/bukan-id', { token: admin });
    expect(notId.status).toBe(404);
  });

  it('lists, reads and sends again a failed answer to SP4N-LAPOR!, never a webhook delivery', async () => {
    const lapor = randomUUID();
    const hook = randomUUID();
    const trackingId = `LPR${Date.now()}`;
    await ds.getRepository(OutboxEntity).insert([
      {
        id: lapor,
        kind: 'lapor.answer',
        channel: 'lapor',
        payload: JSON.stringify({
          trackingId,
          response: {
            kind: 'answer',
            key: lapor,
            reference: ticket.number,
            status: 'Ditindaklanjuti',
            text: 'Aduan sudah kami teruskan ke OPD terkait.',
            at: new Date().toISOString(),
          },
        }),
        status: 'failed',
        createdAt: new Date(),
        attempts: 8,
        nextAttemptAt: new Date(),
        ticketNumber: ticket.number,
        recipient: trackingId,
        lastError: 'LAPOR! menolak: 422',
      },
      {
        id: hook,
        kind: 'ticket.opened',
        channel: 'webhook',
        payload: '{}',
        status: 'failed',
        createdAt: new Date(),
        attempts: 8,
        nextAttemptAt: new Date(),
        recipient: randomUUID(),
      },
    ]);
    const mail = await app.request<OutboxPageView>('GET', '/api/v1/admin/outbox?status=failed', {
      token: admin,
    });
    expect(mail.body.items.map((i) => i.id)).not.toContain(lapor);
    expect(mail.body.items.every((i) => i.channel === 'mail')).toBeTrue();
    const list = await app.request<OutboxPageView>(
      'GET',
      `/api/v1/admin/outbox?channel=lapor&status=failed&recipient=${trackingId}`,
      { token: admin },
    );
    expect(list.status).withContext(list.text).toBe(200);
    expect(list.body.items.map((i) => [i.id, i.channel, i.recipient])).toEqual([
      [lapor, 'lapor', trackingId],
    ]);
    expect(list.text).not.toContain(hook);

    const read = await app.request<OutboxMessageView>('GET', `/api/v1/admin/outbox/${lapor}`, {
      token: admin,
    });
    expect(read.status).withContext(read.text).toBe(200);
    expect(read.body.text).toBe('Aduan sudah kami teruskan ke OPD terkait.');
    expect(read.body.headers).toContain({ name: 'lapor-tracking-id', value: trackingId });
    expect(read.body.headers).toContain({ name: 'status', value: 'Ditindaklanjuti' });

    const retried = await app.request<OutboxItemView>(
      'POST',
      `/api/v1/admin/outbox/${lapor}/retry`,
      { token: admin },
    );
    expect(retried.status).withContext(retried.text).toBe(200);
    expect([retried.body.channel, retried.body.status, retried.body.attempts]).toEqual([
      'lapor',
      'pending',
      0,
    ]);
    // The payload (and so LAPOR!'s idempotency key) is untouched: a repeat is taken once.
    const row = await ds.getRepository(OutboxEntity).findOneByOrFail({ id: lapor });
    expect(JSON.parse(row.payload).response.key).toBe(lapor);
    // Webhook deliveries are sent again from their webhook's log, not from here.
    for (const [method, path] of [
      ['GET', `/api/v1/admin/outbox/${hook}`],
      ['POST', `/api/v1/admin/outbox/${hook}/retry`],
    ] as const) {
      const res = await app.request(method, path, { token: admin });
      expect(res.status).withContext(`${method} ${path}`).toBe(404);
    }
  });

  it('is for admins only', async () => {
    const [row] = (
      await app.request<OutboxPageView>('GET', '/api/v1/admin/outbox?limit=1', { token: admin })
    ).body.items;
    for (const who of ['helpdesk.bali@sigap.local', 'kadis.bali@sigap.local']) {
      const token = await app.token(who);
      for (const [method, path] of [
        ['GET', '/api/v1/admin/outbox'],
        ['GET', `/api/v1/admin/outbox/${row.id}`],
        ['POST', `/api/v1/admin/outbox/${row.id}/retry`],
      ] as const) {
        const res = await app.request(method, path, { token });
        expect(res.status).withContext(`${who} ${method} ${path}`).toBe(403);
      }
    }
    const anon = await app.request('GET', '/api/v1/admin/outbox');
    expect(anon.status).toBe(401);
  });
});
