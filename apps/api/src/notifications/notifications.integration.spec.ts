import type {
  NotificationPage,
  NotificationPreferences,
  NotificationReadResult,
  Problem,
  TicketDetail,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { NotificationDigestService } from '@sigap/api-notifications';
import { OutboxService } from '@sigap/api-outbox';
import { SlaSweepService, SystemActionsService } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** WITA (UTC+8) local time -> Date. */
const wita = (local: string) => new Date(`${local}+08:00`);

/**
 * Bali "Pengembangan Aplikasi", opened Mon 16 Mar 2026 09:00 WITA by the helpdesk: step 2
 * (Kasubbag TU) is active at once, at risk from 09:45 and late after 11:00.
 */
describeOnBothDatabases('notifications: the bell, its mail and its digest', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  let t: TicketDetail;
  const token = (who: string) => app.token(`${who}@sigap.local`);
  const bell = async (who: string, query = '') =>
    app.request<NotificationPage>('GET', `/api/v1/notifications${query}`, {
      token: await token(who),
    });
  const userId = async (who: string) =>
    (
      (await app.app
        .get(DataSource)
        .query('SELECT id FROM users WHERE email = ?', [`${who}@sigap.local`])) as { id: string }[]
    )[0].id;
  const pending = async (kind: string) =>
    (await app.app.get(OutboxService).pending(kind)).map(
      (o) => JSON.parse(o.payload) as Record<string, unknown>,
    );
  const act = async (who: string, path: string, body: Record<string, unknown>) => {
    const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
      token: await token(who),
      body: { expectedVersion: t.version, ...body },
    });
    expect(res.status).withContext(res.text).toBe(200);
    t = res.body;
  };

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    clock.set(wita('2026-03-16T09:00:00'));
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await token('helpdesk.bali'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Aplikasi SIMPEG baru',
        description: 'Uji notifikasi.',
        requester: { name: 'Made', email: 'made@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    t = res.body;
  });
  afterAll(() => clock.release());

  it('tells the holder of the step activated at opening, by the step mail only, not the opener', async () => {
    const mine = await bell('kasubbag-tu.bali');
    expect(mine.status).toBe(200);
    const assigned = mine.body.items.filter((n) => n.ticket === t.number);
    expect(assigned.map((n) => [n.kind, n.step, n.actorName])).toEqual([
      ['assigned', 2, jasmine.any(String) as unknown as string],
    ]);
    expect(assigned[0].ticketSubject).toBe('Aplikasi SIMPEG baru');
    expect(mine.body.unread).toBeGreaterThanOrEqual(1);
    const opener = await bell('helpdesk.bali');
    expect(opener.body.items.filter((n) => n.ticket === t.number)).toEqual([]);
    // The step-assigned mail is the "at once" mail: no second mail about the same thing.
    const kasubbag = await userId('kasubbag-tu.bali');
    const stepMail = (await pending('ticket.step-assigned')).filter(
      (p) => p['ticket'] === t.number && p['assigneeId'] === kasubbag,
    );
    expect(stepMail.length).toBe(1);
    expect((await pending('notification')).filter((p) => p['ticket'] === t.number)).toEqual([]);
  });

  it('a mention in an internal note tells a colleague of the office, never one of another office', async () => {
    await act('helpdesk.bali', 'notes', {
      body: 'Mohon @kasi-ai.bali, cek KAK. (@kasi-ppa.riau, @siapa.saja, kirim ke budi@diskes.go.id)',
    });
    const kasi = await bell('kasi-ai.bali');
    const mention = kasi.body.items.find((n) => n.ticket === t.number && n.kind === 'mentioned');
    expect(mention).withContext(JSON.stringify(kasi.body)).toBeDefined();
    expect(mention?.excerpt).toContain('Mohon @kasi-ai.bali');
    expect(mention?.actorName).toBeTruthy();
    expect(mention?.readAt).toBeNull();
    const riau = await bell('kasi-ppa.riau');
    expect(riau.body.items.filter((n) => n.ticket === t.number)).toEqual([]);
    // E-mail at once (the default), by a notification mail: no other mail tells of a mention.
    const mails = (await pending('notification')).filter((p) => p['ticket'] === t.number);
    expect(mails.map((p) => p['notificationId'])).toEqual([mention?.id]);
  });

  it('only the owner reads or marks a notification; bad input is a 400, no sign-in a 401', async () => {
    const kasi = await bell('kasi-ai.bali', '?unread=true&limit=1');
    expect(kasi.body.items.length).toBe(1);
    const id = kasi.body.items[0].id;
    const before = kasi.body.unread;

    for (const other of ['helpdesk.riau', 'helpdesk.bali', 'admin']) {
      const list = await bell(other);
      expect(list.body.items.some((n) => n.id === id))
        .withContext(other)
        .toBeFalse();
      const marked = await app.request<NotificationReadResult>(
        'POST',
        '/api/v1/notifications/read',
        {
          token: await token(other),
          body: { ids: [id] },
        },
      );
      expect(marked.status).withContext(marked.text).toBe(200);
      expect(marked.body.marked).withContext(other).toBe(0);
      const all = await app.request<NotificationReadResult>('POST', '/api/v1/notifications/read', {
        token: await token(other),
        body: { all: true },
      });
      expect(all.status).toBe(200);
    }
    expect((await bell('kasi-ai.bali')).body.unread).toBe(before);

    const anonymous = await app.request('GET', '/api/v1/notifications');
    expect(anonymous.status).toBe(401);
    // An API token is not a person: it has no bell and marks nothing.
    const created = await app.request<{ token: string }>('POST', '/api/v1/api-tokens', {
      token: await token('admin'),
      body: { name: 'e-Office', scopes: ['tickets:read'], office: 'bali' },
    });
    expect(created.status).withContext(created.text).toBe(201);
    for (const [method, path, body] of [
      ['GET', '/api/v1/notifications', undefined],
      ['POST', '/api/v1/notifications/read', { all: true }],
      ['GET', '/api/v1/notifications/preferences', undefined],
    ] as const) {
      const refused = await app.request(method, path, { token: created.body.token, body });
      expect(refused.status).withContext(`${method} ${path}`).toBe(403);
    }
    const bad = await app.request<Problem>('POST', '/api/v1/notifications/read', {
      token: await token('kasi-ai.bali'),
      body: { ids: ['not-an-id'] },
    });
    expect(bad.status).toBe(400);
    const empty = await app.request<Problem>('POST', '/api/v1/notifications/read', {
      token: await token('kasi-ai.bali'),
      body: {},
    });
    expect(empty.status).toBe(400);
    const page = await app.request<Problem>('GET', '/api/v1/notifications?limit=1000', {
      token: await token('kasi-ai.bali'),
    });
    expect(page.status).toBe(400);

    const mine = await app.request<NotificationReadResult>('POST', '/api/v1/notifications/read', {
      token: await token('kasi-ai.bali'),
      body: { ids: [id] },
    });
    expect(mine.body).toEqual({ marked: 1, unread: before - 1 });
    const after = await bell('kasi-ai.bali');
    expect(after.body.items.find((n) => n.id === id)?.readAt).toBeTruthy();
    const all = await app.request<NotificationReadResult>('POST', '/api/v1/notifications/read', {
      token: await token('kasi-ai.bali'),
      body: { all: true },
    });
    expect(all.body.unread).toBe(0);
  });

  it('each user keeps their own preferences; unknown kinds and channels are refused', async () => {
    const initial = await app.request<NotificationPreferences>(
      'GET',
      '/api/v1/notifications/preferences',
      { token: await token('kasubbag-tu.bali') },
    );
    expect(initial.status).toBe(200);
    expect(initial.body.channels).toEqual({
      assigned: 'email',
      step_at_risk: 'email',
      step_breached: 'email',
      requester_replied: 'email',
      mentioned: 'email',
    });
    expect(initial.body.digestHour).toBe(7);
    const set = await app.request<NotificationPreferences>(
      'PUT',
      '/api/v1/notifications/preferences',
      {
        token: await token('kasubbag-tu.bali'),
        body: { channels: { step_at_risk: 'console', step_breached: 'digest' } },
      },
    );
    expect(set.status).withContext(set.text).toBe(200);
    expect(set.body.channels.step_at_risk).toBe('console');
    expect(set.body.channels.step_breached).toBe('digest');
    const other = await app.request<NotificationPreferences>(
      'GET',
      '/api/v1/notifications/preferences',
      { token: await token('kasi-ai.bali') },
    );
    expect(other.body.channels.step_at_risk).toBe('email');
    for (const channels of [{ step_at_risk: 'sms' }, { everything: 'email' }, null]) {
      const bad = await app.request<Problem>('PUT', '/api/v1/notifications/preferences', {
        token: await token('kasubbag-tu.bali'),
        body: { channels },
      });
      expect(bad.status).withContext(JSON.stringify(channels)).toBe(400);
    }
  });

  it('a step at risk and then late tells its holder once each, by the channel they chose', async () => {
    const sweep = app.app.get(SlaSweepService);
    const kasubbag = await userId('kasubbag-tu.bali');
    clock.set(wita('2026-03-16T09:50:00'));
    expect((await sweep.sweepOnce()).alerts).toBeGreaterThanOrEqual(1);
    await sweep.sweepOnce();
    clock.set(wita('2026-03-16T11:30:00'));
    await sweep.sweepOnce();
    await sweep.sweepOnce();
    const mine = (await bell('kasubbag-tu.bali')).body.items.filter((n) => n.ticket === t.number);
    expect(mine.filter((n) => n.kind === 'step_at_risk').map((n) => n.step)).toEqual([2]);
    expect(mine.filter((n) => n.kind === 'step_breached').map((n) => n.step)).toEqual([2]);
    // At risk: bell only, so the at-risk mail no longer goes to them.
    const atRiskMail = (await pending('ticket.step-sla-at-risk')).filter(
      (p) => p['ticket'] === t.number,
    );
    expect(atRiskMail).toEqual([]);
    // Late: for the digest; the escalation to the Sekretaris is not theirs and still goes.
    const notices = (await pending('notification')).filter((p) => p['ticket'] === t.number);
    expect(notices.length).toBe(1); // the mention only
    const escalated = (await pending('ticket.step-escalated')).filter(
      (p) => p['ticket'] === t.number,
    );
    expect(escalated.length).toBe(1);
    expect(escalated[0]['recipients']).not.toContain(kasubbag);
  });

  it("the requester's reply tells whoever holds the ticket's active step", async () => {
    clock.set(wita('2026-03-16T13:00:00'));
    const effect = await app.app.get(DataSource).transaction((manager) =>
      app.app.get(SystemActionsService).requesterReplied(manager, {
        ticketNumber: t.number,
        contactId: null,
        from: 'made@diskes.baliprov.go.id',
        messageId: '<reply-1@diskes.baliprov.go.id>',
        subject: 'Re: Aplikasi SIMPEG baru',
        bodyText: 'Terima kasih, KAK terlampir. @kasubbag-tu.bali mohon dicek.',
        bodyHtml: null,
        attachments: [],
        inboundId: null,
        via: 'test',
      }),
    );
    expect(effect).toBe('appended');
    const replied = (await bell('kasubbag-tu.bali')).body.items.filter(
      (n) => n.ticket === t.number && n.kind === 'requester_replied',
    );
    expect(replied.length).toBe(1);
    expect(replied[0].excerpt).toContain('KAK terlampir');
    // A requester cannot mention: their words tell the holder as a reply, never as a mention.
    const mentions = (await bell('kasubbag-tu.bali')).body.items.filter(
      (n) => n.ticket === t.number && n.kind === 'mentioned',
    );
    expect(mentions).toEqual([]);
  });

  it('the digest goes at 07:00 office time the next day, once, with the unread digest rows', async () => {
    const digest = app.app.get(NotificationDigestService);
    const kasubbag = await userId('kasubbag-tu.bali');
    const mine = async () =>
      (await pending('notification.digest')).filter((p) => p['userId'] === kasubbag);
    expect(digest.started).toBeFalse();
    clock.set(wita('2026-03-16T17:00:00'));
    await digest.runOnce();
    clock.set(wita('2026-03-17T06:59:00'));
    await digest.runOnce();
    expect(await mine()).toEqual([]);
    clock.set(wita('2026-03-17T07:00:00'));
    const runs = await Promise.all([digest.runOnce(), digest.runOnce()]);
    expect(runs.reduce((sum, r) => sum + r.mails, 0)).toBe(1);
    const sent = await mine();
    expect(sent.length).toBe(1);
    expect(sent[0]['date']).toBe('2026-03-17');
    const breached = (await bell('kasubbag-tu.bali')).body.items.find(
      (n) => n.ticket === t.number && n.kind === 'step_breached',
    );
    expect(sent[0]['ids']).toEqual([breached?.id]);
    clock.set(wita('2026-03-17T08:00:00'));
    expect((await digest.runOnce()).mails).toBe(0);
    clock.set(wita('2026-03-18T07:05:00'));
    expect((await digest.runOnce()).mails).toBe(0);
    expect((await mine()).length).toBe(1);
  });
});
