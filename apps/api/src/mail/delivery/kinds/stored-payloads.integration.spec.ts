import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '@sigap/api-notifications';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { UserEntity } from '@sigap/api-identity';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { DATABASES, type TestApp } from '../../../testing/test-app';
import { baliEmailTicket } from '../../../testing/ticket-bodies';
import { OutboxWorker } from '@sigap/api-mail';
import { outboxKind } from '@sigap/api-mail';
import { OUTBOX_MAIL_KINDS, parsePayload, preparerFor } from '@sigap/api-mail';
import { RecordingSmtp, appWithRecordingSmtp } from '../testing/recording-smtp';

const REQUESTER = 'wayan.sukerti@diskes.baliprov.go.id';
const NOTE_ID = '5a0f3c2e-8d41-4b7a-a2c9-6e1d7b3f9c05';

/**
 * Rows already in a database were written by older versions: some fields missing, others
 * extra, alerts without `audience`. Each is given here as the literal JSON such a version wrote,
 * and must still make its mail, with the template it always had.
 */
describe(`outbox: payloads as older versions stored them [${DATABASES[0]}]`, () => {
  let app: TestApp;
  let smtp: RecordingSmtp;
  let ds: DataSource;
  let clock: Clock;
  let number: string;
  let agent: UserEntity;
  let kadis: UserEntity;
  let order: number;

  const running = appWithRecordingSmtp(DATABASES[0], {
    SIGAP_PUBLIC_URL: 'https://sigap.example.go.id/',
    SIGAP_SLA_SWEEP_SECONDS: '0',
  });

  beforeAll(async () => {
    ({ app, smtp } = running);
    ds = app.app.get(DataSource);
    clock = app.app.get(Clock);
    clock.set(Date.now());
    agent = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ email: 'helpdesk.bali@sigap.local' });
    kadis = await ds.getRepository(UserEntity).findOneByOrFail({ email: 'kadis.bali@sigap.local' });
    const token = await app.token('helpdesk.bali@sigap.local');
    const opened = await app.request('POST', '/api/v1/tickets', {
      token,
      body: baliEmailTicket('Aplikasi arsip surat', 'Permohonan aplikasi arsip surat.', {
        name: 'Wayan Sukerti',
        email: REQUESTER,
      }),
    });
    expect(opened.status).withContext(opened.text).toBe(201);
    number = opened.body.number;
    const assigned = await app.request('POST', `/api/v1/tickets/${number}/assign`, {
      token,
      body: { userId: agent.id, expectedVersion: opened.body.version },
    });
    expect(assigned.status).withContext(assigned.text).toBe(200);
    const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
    order = (
      await ds.getRepository(TicketStepEntity).findOneOrFail({
        where: { ticketId: ticket.id, requesterSide: false },
        order: { stepOrder: 'ASC' },
      })
    ).stepOrder;
    await ds.getRepository(OutboxEntity).createQueryBuilder().delete().execute();
    // A colleague's mention of the agent, as the notifications domain stores it.
    await ds.getRepository(NotificationEntity).insert({
      id: NOTE_ID,
      userId: agent.id,
      officeCode: 'bali',
      kind: 'mentioned',
      ticketNumber: number,
      ticketSubject: 'Aplikasi arsip surat',
      stepOrder: null,
      actorId: kadis.id,
      excerpt: 'Mohon cek kebutuhan servernya.',
      channel: 'digest',
      createdAt: clock.now(),
      readAt: null,
      digestedAt: null,
    });
  }, 60_000);

  /** [kind, the JSON as stored, template, recipients]; the first row of each kind is sent. */
  function storedRows(): [string, string, string, string[]][] {
    const soon = new Date(clock.now().getTime() + 2 * 3600_000).toISOString();
    const late = new Date(clock.now().getTime() - 2 * 3600_000).toISOString();
    const t = number;
    return [
      [
        'password-reset',
        `{"userId":"${agent.id}","email":"${agent.email}","name":"Petugas","locale":"id","token":"rahasia-lama","expiresAt":"${soon}"}`,
        'password-reset',
        [agent.email],
      ],
      // Before names and locales were stored.
      [
        'password-reset',
        `{"email":"${agent.email}","token":"rahasia-lama","expiresAt":"${soon}"}`,
        'password-reset',
        [agent.email],
      ],
      [
        'portal.sign-in-link',
        `{"email":"${REQUESTER}","name":"Wayan","office":"bali","token":"tautan-lama","expiresAt":"${soon}"}`,
        'portal-sign-in',
        [REQUESTER],
      ],
      ['ticket.received', `{"ticket":"${t}"}`, 'ticket-received', [REQUESTER]],
      [
        'ticket.received',
        `{"ticket":"${t}","marker":"lama","office":"bali"}`,
        'ticket-received',
        [REQUESTER],
      ],
      [
        'ticket.returned-to-requester',
        `{"ticket":"${t}","reason":"Surat belum bertanda tangan."}`,
        'documents-incomplete',
        [REQUESTER],
      ],
      [
        'ticket.resolved',
        `{"ticket":"${t}","note":"Sudah terpasang."}`,
        'ticket-resolved',
        [REQUESTER],
      ],
      ['ticket.resolved', `{"ticket":"${t}"}`, 'ticket-resolved', [REQUESTER]],
      [
        'survey.invitation',
        `{"ticket":"${t}","invitation":"AAAAAAAAAAAAAAAAAAAAAA","expiresAt":"${soon}"}`,
        'survey-invitation',
        [REQUESTER],
      ],
      [
        'ticket.reply',
        `{"ticket":"${t}","body":"Mohon kirim daftar unit.","agentName":"Petugas"}`,
        'agent-reply',
        [REQUESTER],
      ],
      [
        'ticket.reply',
        `{"ticket":"${t}","body":"Tanpa nama.","attachmentIds":[]}`,
        'agent-reply',
        [REQUESTER],
      ],
      [
        'ticket.step-assigned',
        `{"ticket":"${t}","step":${order},"assigneeId":"${agent.id}"}`,
        'step-assigned',
        [agent.email],
      ],
      [
        'ticket.sla-at-risk',
        `{"ticket":"${t}","office":"bali","clock":"ticket","dueAt":"${soon}","recipients":["${agent.id}"],"audience":"assignee"}`,
        'sla-at-risk',
        [agent.email],
      ],
      // Before the sweep recorded the audience.
      [
        'ticket.sla-at-risk',
        `{"ticket":"${t}","dueAt":"${soon}","recipients":["${agent.id}"]}`,
        'sla-at-risk',
        [agent.email],
      ],
      [
        'ticket.sla-breached',
        `{"ticket":"${t}","office":"bali","clock":"first-response","dueAt":"${late}","recipients":["${agent.id}"],"audience":"helpdesk"}`,
        'first-response-breached',
        [agent.email],
      ],
      [
        'ticket.sla-breached',
        `{"ticket":"${t}","dueAt":"${late}","recipients":["${agent.id}"]}`,
        'sla-breached',
        [agent.email],
      ],
      [
        'ticket.step-sla-at-risk',
        `{"ticket":"${t}","office":"bali","clock":"step:${order}","step":${order},"position":"x","assigneeId":"${agent.id}","dueAt":"${soon}","recipients":["${agent.id}"],"audience":"assignee"}`,
        'sla-at-risk',
        [agent.email],
      ],
      [
        'ticket.step-sla-at-risk',
        `{"ticket":"${t}","step":${order},"dueAt":"${soon}","recipients":["${agent.id}"]}`,
        'sla-at-risk',
        [agent.email],
      ],
      [
        'ticket.step-escalated',
        `{"ticket":"${t}","office":"bali","step":${order},"assigneeId":"${agent.id}","escalatedTo":null,"dueAt":"${late}","recipients":["${kadis.id}"],"audience":"supervisor"}`,
        'sla-breached',
        [kadis.email],
      ],
      [
        'ticket.step-escalated',
        `{"ticket":"${t}","step":${order},"assigneeId":"${agent.id}","dueAt":"${late}","recipients":["${kadis.id}"]}`,
        'sla-breached',
        [kadis.email],
      ],
      [
        'ticket.requester-replied',
        `{"ticket":"${t}","recipients":["${agent.id}"],"from":"${REQUESTER}","contactId":null,"body":"Daftar terlampir.","effect":"answered","attachments":1}`,
        'requester-replied',
        [agent.email],
      ],
      // Before effects and attachment counts were stored.
      [
        'ticket.requester-replied',
        `{"ticket":"${t}","recipients":["${agent.id}"],"body":"Jawaban singkat."}`,
        'requester-replied',
        [agent.email],
      ],
      [
        'incident.major-update',
        `{"ticket":"${t}","parent":"${t}","body":"Layanan dipulihkan bertahap."}`,
        'major-incident-update',
        [REQUESTER],
      ],
      // A merged duplicate's notice (here the ticket names itself as its target: only the
      // stored shape matters).
      ['ticket.merged', `{"ticket":"${t}","target":"${t}"}`, 'ticket-merged', [REQUESTER]],
      [
        'notification',
        `{"ticket":"${t}","notificationId":"${NOTE_ID}"}`,
        'notification',
        [agent.email],
      ],
      [
        'notification.digest',
        `{"userId":"${agent.id}","date":"2026-12-07","ids":["${NOTE_ID}"],"total":1}`,
        'notification-digest',
        [agent.email],
      ],
    ];
  }

  it('covers every kind the worker knows', () => {
    expect([...new Set(storedRows().map((r) => r[0]))].sort()).toEqual(
      Object.keys(OUTBOX_MAIL_KINDS).sort(),
    );
  });

  it('prepares each stored shape with the template it always had', async () => {
    for (const [kind, json, template, to] of storedRows()) {
      const prepared = await preparerFor(kind)(parsePayload(json), {
        config: app.app.get(AppConfig),
        manager: ds.manager,
        threadIds: async () => [],
        nextSeq: async () => 2,
        calendar: (office) => app.app.get(CalendarProvider).forOffice(office),
        now: () => clock.now(),
      });
      expect(prepared.request.mail.template).withContext(json).toBe(template);
      expect(outboxKind(kind)?.templates).withContext(kind).toContain(template);
      expect(prepared.request.to).withContext(json).toEqual(to);
    }
  });

  it('sends a stored row of each kind through the worker', async () => {
    const seen = new Set<string>();
    const rows = storedRows().filter(([kind]) => !seen.has(kind) && !!seen.add(kind));
    const at = clock.now();
    await ds.getRepository(OutboxEntity).insert(
      rows.map(([kind, payload]) => ({
        id: randomUUID(),
        kind,
        payload,
        status: 'pending' as const,
        createdAt: at,
        attempts: 0,
        nextAttemptAt: at,
      })),
    );
    const result = await app.app.get(OutboxWorker).drain();
    expect([result.sent, result.failed, result.deferred]).toEqual([rows.length, 0, 0]);
    const stored = await ds.getRepository(OutboxEntity).find();
    for (const [kind, , , to] of rows) {
      const row = stored.find((r) => r.kind === kind);
      expect(row?.status).withContext(`${kind}: ${row?.lastError}`).toBe('sent');
      expect(smtp.byMessageId(row?.messageId ?? null)?.to)
        .withContext(kind)
        .toEqual(to);
    }
  }, 60_000);
});
