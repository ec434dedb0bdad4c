import type { TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { UserEntity } from '@sigap/api-identity';
import { OutboxWorker } from '@sigap/api-mail';
import { RecordingSmtp, appWithRecordingSmtp } from '../mail/delivery/testing/recording-smtp';
import { preparerFor } from '@sigap/api-mail';
import { OutboxEntity } from '@sigap/api-outbox';
import { DATABASES, type TestApp } from '../testing/test-app';
import { baliEmailTicket } from '../testing/ticket-bodies';
import { TicketEntity } from '@sigap/api-tickets';

const REQUESTER = 'made.wirawan@diskominfos.baliprov.go.id';

for (const kind of DATABASES) {
  describe(`tickets: mail rows written with the change [${kind}]`, () => {
    let app: TestApp;
    let smtp: RecordingSmtp;
    let ds: DataSource;
    let clock: Clock;
    let t: TicketDetail;

    const as = (who: string) => app.token(`${who}.bali@sigap.local`);
    const act = async (who: string, path: string, body: Record<string, unknown> = {}) => {
      const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
        token: await as(who),
        body: { expectedVersion: t.version, ...body },
      });
      expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
      t = res.body;
    };
    const rows = (kindName: string) =>
      ds
        .getRepository(OutboxEntity)
        .find({ where: { kind: kindName }, order: { createdAt: 'ASC' } });
    const payloads = async (kindName: string) =>
      (await rows(kindName)).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
    const userId = async (who: string) =>
      (await ds.getRepository(UserEntity).findOneByOrFail({ email: `${who}.bali@sigap.local` })).id;
    const clearOutbox = () =>
      ds.getRepository(OutboxEntity).createQueryBuilder().delete().execute();

    const running = appWithRecordingSmtp(kind, {
      SIGAP_PUBLIC_URL: 'https://sigap.example.go.id/',
      SIGAP_SLA_SWEEP_SECONDS: '0',
    });

    beforeAll(async () => {
      ({ app, smtp } = running);
      ds = app.app.get(DataSource);
      clock = app.app.get(Clock);
      clock.set(Date.now());
    }, 60_000);

    afterAll(() => {
      clock?.release();
    });

    it('opening writes one ticket.received row for the requester: checklist, missing, due', async () => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await as('helpdesk'),
        body: baliEmailTicket(
          'Aplikasi pendaftaran pelatihan',
          'Permohonan pengembangan aplikasi pendaftaran pelatihan.',
          { name: 'Made Wirawan', email: REQUESTER },
        ),
      });
      expect(res.status).withContext(res.text).toBe(201);
      t = res.body;

      expect(await payloads('ticket.received')).toEqual([{ ticket: t.number }]);
      // The opening's first office step (2) is told to its assignee; the requester-side step 1,
      // completed by the opening itself, is not anyone's to be told about.
      expect(await payloads('ticket.step-assigned')).toEqual([
        { ticket: t.number, step: 2, assigneeId: t.steps[1].assignee?.id },
      ]);
      expect(t.steps[0].status).toBe('done');

      const stored = await ds.getRepository(TicketEntity).findOneByOrFail({ number: t.number });
      const [row] = await rows('ticket.received');
      const prepared = await preparerFor(row.kind)(JSON.parse(row.payload), {
        config: app.app.get(AppConfig),
        manager: ds.manager,
        threadIds: async () => [],
        nextSeq: async () => 1,
        calendar: () => Promise.reject(new Error('kalender tidak diperlukan')),
        now: () => clock.now(),
      });
      expect(prepared.request.to).toEqual([REQUESTER]);
      const props = prepared.request.mail.props as unknown as Record<string, unknown>;
      expect(props['dueAt']).toBe(stored.dueAt.toISOString());
      expect(props['dueAt']).toBe(t.clocks.ticket.limitDueAt);
      expect(props['missing']).toEqual(t.checklist.map((c) => c.text));
    });

    it('delivers the opened ticket as a "ticket received" mail tagged with its number', async () => {
      const [row] = await rows('ticket.received');
      const result = await app.app.get(OutboxWorker).drain();
      expect(result.failed).toBe(0);
      const sent = await ds.getRepository(OutboxEntity).findOneByOrFail({ id: row.id });
      expect(sent.status)
        .withContext(sent.lastError ?? '')
        .toBe('sent');
      expect(sent.recipient).toBe(REQUESTER);
      const mail = smtp.byMessageId(sent.messageId)?.mail;
      expect(mail).toBeDefined();
      expect(mail?.subject).toContain(`[#${t.number}]`);
      expect(mail?.text ?? '').toContain(t.checklist[0].text);
    });

    it('completing a step writes ticket.step-assigned for the next step`s assignee', async () => {
      await clearOutbox();
      await act('kasubbag-tu', 'steps/2/complete', { output: 'Disposisi Kepala Dinas' });
      const next = t.steps[2];
      expect(next.status).toBe('active');
      expect(next.assignee?.id).toBe(await userId('kabid-iai'));
      expect(await payloads('ticket.step-assigned')).toEqual([
        { ticket: t.number, step: 3, assigneeId: next.assignee?.id },
      ]);
    });

    it('reassigning an active step tells the new assignee; the same one again is no news', async () => {
      const kabid = await userId('kabid-iai');
      const kasi = await userId('kasi-ai');
      // Kasi AI also holds the Kabid position here, so step 3 can go to either.
      const [position] = await ds.query(
        'SELECT id FROM positions WHERE office_code = ? AND code = ?',
        ['bali', 'kabid-iai'],
      );
      await ds.query('INSERT INTO position_holders (user_id, position_id) VALUES (?, ?)', [
        kasi,
        position.id,
      ]);
      await clearOutbox();
      await act('helpdesk', 'steps/3/assign', { userId: kasi });
      expect(await payloads('ticket.step-assigned')).toEqual([
        { ticket: t.number, step: 3, assigneeId: kasi },
      ]);
      await clearOutbox();
      await act('helpdesk', 'steps/3/assign', { userId: kabid });
      await act('helpdesk', 'steps/3/assign', { userId: kabid });
      expect(await payloads('ticket.step-assigned')).toEqual([
        { ticket: t.number, step: 3, assigneeId: kabid },
      ]);
    });

    it('resolve writes ticket.resolved for the requester with the note', async () => {
      await act('kabid-iai', 'steps/3/complete', { output: 'Disposisi turunan kepada Kasi' });
      await act('kasi-ai', 'steps/4/complete', { output: 'Dokumen awal proses bisnis' });
      await act('kasi-ai', 'steps/5/complete', { output: 'Laporan lanjutan' });
      await act('kasi-ai', 'steps/6/complete', { output: 'Kesepakatan proses bisnis' });
      await act('kadis', 'steps/7/complete', { output: 'Berita acara ditandatangani' });
      for (const item of t.checklist) {
        await act('helpdesk', `checklist/${item.code}/receive`);
        await act('helpdesk', `checklist/${item.code}/verify`);
      }
      await clearOutbox();
      await act('helpdesk', 'resolve', { reason: 'Aplikasi sudah terpasang.' });
      expect(t.status).toBe('resolved');
      expect(await payloads('ticket.resolved')).toEqual([
        { ticket: t.number, note: 'Aplikasi sudah terpasang.' },
      ]);
    });
  });
}
