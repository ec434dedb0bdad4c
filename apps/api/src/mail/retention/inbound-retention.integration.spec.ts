import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';
import { InboundMessageEntity } from '@sigap/api-mail';
import { InboundMailService } from '@sigap/api-mail';
import { INBOUND_RETENTION_LEASE, InboundRetentionSweep } from '@sigap/api-mail';
import { createHash } from 'node:crypto';

const DAY = 86_400_000;
const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** A message with PDF-like attachments, as a mail client writes one. */
function mime(o: {
  from: string;
  subject: string;
  id: string;
  headers?: string[];
  files: { name: string; body: string }[];
}): Buffer {
  return Buffer.from(
    [
      `From: ${o.from}`,
      'To: helpdesk@diskominfos.baliprov.go.id',
      `Subject: ${o.subject}`,
      `Message-ID: <${o.id}>`,
      'Date: Mon, 07 Dec 2026 08:00:00 +0800',
      'MIME-Version: 1.0',
      ...(o.headers ?? []),
      'Content-Type: multipart/mixed; boundary="batas"',
      '',
      '--batas',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Berkas terlampir.',
      ...o.files.flatMap((f) => [
        '--batas',
        `Content-Type: application/pdf; name="${f.name}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="${f.name}"`,
        '',
        Buffer.from(f.body, 'utf8').toString('base64'),
      ]),
      '--batas--',
      '',
    ].join('\r\n'),
  );
}

describeOnBothDatabases('retention of raw inbound mail and attachment copies', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let sweep: InboundRetentionSweep;
  let clock: Clock;
  const raw = (hash: string) => join(app.config.dataDir, 'mail', 'inbound', `${hash}.eml`);
  const copy = (hash: string) => join(app.config.dataDir, 'mail', 'attachments', hash);
  const rawHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    sweep = app.app.get(InboundRetentionSweep);
    clock = app.app.get(Clock);
    // A known sender: a new request from them becomes a ticket.
    const res = await app.request('POST', '/api/v1/tickets', {
      token: await app.token('helpdesk.bali@sigap.local'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'email',
        subject: 'Permohonan awal',
        description: 'Permohonan uji.',
        requester: { name: 'Pemohon', email: 'made.sudarsana@bkd.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
  });

  beforeEach(async () => {
    await ds.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
      INBOUND_RETENTION_LEASE,
    ]);
  });
  afterEach(() => clock.release());

  it('removes old raw mail and the copies no ticket refers to; the timeline stays whole', async () => {
    const inbound = app.app.get(InboundMailService);
    const shared = 'lampiran bersama untuk tiket dan balasan otomatis';
    const request = mime({
      from: 'Made Sudarsana <made.sudarsana@bkd.baliprov.go.id>',
      subject: 'Permohonan aplikasi kepegawaian',
      id: `permohonan-${randomUUID()}@bkd.baliprov.go.id`,
      files: [
        { name: 'surat.pdf', body: 'surat permohonan bertanda tangan' },
        { name: 'bersama.pdf', body: shared },
      ],
    });
    const stranger = mime({
      from: 'Orang Asing <asing@contoh.invalid>',
      subject: 'Penawaran kerja sama',
      id: `asing-${randomUUID()}@contoh.invalid`,
      files: [{ name: 'brosur.pdf', body: 'brosur dari pengirim tak dikenal' }],
    });
    const autoReply = mime({
      from: 'Made Sudarsana <made.sudarsana@bkd.baliprov.go.id>',
      subject: 'Balasan otomatis: sedang cuti',
      id: `cuti-${randomUUID()}@bkd.baliprov.go.id`,
      headers: ['Auto-Submitted: auto-replied'],
      files: [
        { name: 'jadwal-cuti.pdf', body: 'jadwal cuti yang tidak dirujuk tiket mana pun' },
        { name: 'bersama.pdf', body: shared },
      ],
    });
    const created = await inbound.accept(request, []);
    expect(created.action).toBe('created');
    expect((await inbound.accept(stranger, [])).action).toBe('quarantined');
    expect((await inbound.accept(autoReply, [])).action).toBe('auto-reply');
    // A raw copy with no message row (a transaction that failed after the write).
    const lost = Buffer.from(`Subject: hilang\r\nMessage-ID: <${randomUUID()}@x>\r\n\r\nx\r\n`);
    writeFileSync(raw(rawHash(lost)), lost);

    const ticket = await ds
      .getRepository(TicketEntity)
      .findOneByOrFail({ number: created.ticketNumber as string });
    const timeline = () =>
      ds.getRepository(TimelineEntryEntity).find({
        where: { ticketId: ticket.id },
        order: { at: 'ASC' },
      });
    const before = await timeline();
    const view = await app.request('GET', `/api/v1/tickets/${ticket.number}/timeline`, {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(view.status).toBe(200);

    // Within the period (364 days on), nothing goes.
    clock.set(Date.now() + 364 * DAY);
    let run = await sweep.runOnce();
    expect(run).toEqual(
      jasmine.objectContaining({ ran: true, removedRaw: 0, removedAttachments: 0 }),
    );

    // Past it (SIGAP_INBOUND_RETENTION_DAYS, 365 by default).
    await ds.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
      INBOUND_RETENTION_LEASE,
    ]);
    clock.set(Date.now() + 400 * DAY);
    run = await sweep.runOnce();
    expect(run).toEqual(
      jasmine.objectContaining({ ran: true, removedRaw: 3, removedAttachments: 1 }),
    );
    // Raw mail: gone, except the quarantined message still waiting for an admin.
    expect(existsSync(raw(rawHash(request))))
      .withContext('request raw')
      .toBeFalse();
    expect(existsSync(raw(rawHash(autoReply))))
      .withContext('auto-reply raw')
      .toBeFalse();
    expect(existsSync(raw(rawHash(lost))))
      .withContext('row-less raw')
      .toBeFalse();
    expect(existsSync(raw(rawHash(stranger))))
      .withContext('quarantined raw')
      .toBeTrue();
    // Copies: the ticket's stay (also the one the auto-reply shared), the quarantined one stays.
    expect(existsSync(copy(sha('surat permohonan bertanda tangan')))).toBeTrue();
    expect(existsSync(copy(sha(shared))))
      .withContext('shared')
      .toBeTrue();
    expect(existsSync(copy(sha('brosur dari pengirim tak dikenal')))).toBeTrue();
    expect(existsSync(copy(sha('jadwal cuti yang tidak dirujuk tiket mana pun')))).toBeFalse();
    // The ticket's timeline and view are unchanged (read at the time it was first read).
    clock.release();
    expect(await timeline()).toEqual(before);
    const after = await app.request('GET', `/api/v1/tickets/${ticket.number}/timeline`, {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(after.text).toBe(view.text);
    expect(after.text).toContain('surat.pdf');
    // Nothing set aside is left behind.
    const leftovers = ['inbound', 'attachments'].flatMap((f) =>
      readdirSync(join(app.config.dataDir, 'mail', f)).filter((n) => n.includes('.expired')),
    );
    expect(leftovers).toEqual([]);

    // The quarantined message is discarded: its raw mail and copy go at the next sweep.
    const row = await ds
      .getRepository(InboundMessageEntity)
      .findOneByOrFail({ sha256: rawHash(stranger) });
    const decided = await app.request('POST', `/api/v1/inbound/messages/${row.id}/discard`, {
      token: await app.token('admin@sigap.local'),
    });
    expect(decided.status).withContext(decided.text).toBeLessThan(300);
    await ds.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
      INBOUND_RETENTION_LEASE,
    ]);
    clock.set(Date.now() + 400 * DAY);
    run = await sweep.runOnce();
    expect(run).toEqual(
      jasmine.objectContaining({ ran: true, removedRaw: 1, removedAttachments: 1 }),
    );
    expect(existsSync(raw(rawHash(stranger)))).toBeFalse();
  });

  it('a copy received again is renewed and stays; 0 days keeps everything', async () => {
    const inbound = app.app.get(InboundMailService);
    const body = 'lampiran yang datang lagi';
    const first = mime({
      from: 'Orang Asing <asing2@contoh.invalid>',
      subject: 'Balasan otomatis',
      id: `lagi-${randomUUID()}@contoh.invalid`,
      headers: ['Auto-Submitted: auto-replied'],
      files: [{ name: 'lagi.pdf', body }],
    });
    await inbound.accept(first, []);
    // Made old on disk, then received again in another message: renewed.
    const old = (Date.now() - 500 * DAY) / 1000;
    utimesSync(copy(sha(body)), old, old);
    await inbound.accept(
      mime({
        from: 'Orang Asing <asing2@contoh.invalid>',
        subject: 'Balasan otomatis lagi',
        id: `lagi-${randomUUID()}@contoh.invalid`,
        headers: ['Auto-Submitted: auto-replied'],
        files: [{ name: 'lagi.pdf', body }],
      }),
      [],
    );
    await ds
      .getRepository(InboundMessageEntity)
      .update({ fromAddress: 'asing2@contoh.invalid' }, { receivedAt: new Date(old * 1000) });
    expect(await sweep.runOnce()).toEqual(
      jasmine.objectContaining({ ran: true, removedAttachments: 0 }),
    );
    expect(existsSync(copy(sha(body)))).toBeTrue();

    const config = app.app.get(AppConfig);
    const days = config.inboundRetentionDays;
    config.inboundRetentionDays = 0;
    try {
      clock.set(Date.now() + 5000 * DAY);
      expect(await sweep.runOnce()).toEqual({ ran: false, reason: 'off' });
      expect(existsSync(copy(sha(body)))).toBeTrue();
    } finally {
      config.inboundRetentionDays = days;
    }
  });
});
