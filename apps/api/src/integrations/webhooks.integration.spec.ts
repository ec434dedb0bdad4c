import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CreatedWebhook,
  FileComplaintResponse,
  TicketDetail,
  WebhookDeliveryView,
  WebhookPayload,
  WebhookView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { OutboxEntity } from '@sigap/api-outbox';
import { resolveSurveySecret, signSurveyToken, SurveyService } from '@sigap/api-survey';
import { SlaSweepService, TicketEntity } from '@sigap/api-tickets';
import { WebhookWorker } from '@sigap/api-webhooks';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  payload: WebhookPayload;
  signatureValid: boolean;
}

/**
 * A webhook receiver as a customer would write one: it checks `X-Sigap-Signature` over the raw
 * bytes it received (never a re-serialised object), answers what the test tells it to, and
 * keeps every delivery it accepted.
 */
class Receiver {
  readonly accepted: Received[] = [];
  readonly attempts: string[] = [];
  /** Answers for the next requests, in order (status and optional delay); then 200. */
  readonly script: { status: number; delayMs?: number; location?: string }[] = [];
  secret = '';
  private server!: Server;

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const step = this.script.shift() ?? { status: 200 };
        this.attempts.push(String(req.headers['x-sigap-delivery']));
        const answer = () => {
          if (res.destroyed) return;
          if (step.status === 200) {
            const expected = Buffer.from(
              `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`,
            );
            const given = Buffer.from(String(req.headers['x-sigap-signature'] ?? ''));
            this.accepted.push({
              headers: req.headers,
              raw,
              payload: JSON.parse(raw.toString('utf8')) as WebhookPayload,
              signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
            });
          }
          res.writeHead(step.status, step.location ? { Location: step.location } : {}).end();
        };
        if (step.delayMs) setTimeout(answer, step.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  events(): string[] {
    return this.accepted.map((r) => r.payload.event);
  }

  clear(): void {
    this.accepted.length = 0;
    this.attempts.length = 0;
  }
}

describeOnBothDatabases(
  'integrations: webhooks',
  (ctx) => {
    let app: TestApp;
    let admin: string;
    let clock: Clock;
    let worker: WebhookWorker;
    let config: AppConfig;
    const receiver = new Receiver();
    let port = 0;
    let hook: CreatedWebhook;
    let now = Date.parse('2026-06-01T02:00:00Z');
    const advance = (ms: number) => clock.set((now += ms));

    const createHook = (body: unknown, token = admin) =>
      app.request<CreatedWebhook>('POST', '/api/v1/webhooks', { token, body });
    const deliveries = async (id = hook.id) =>
      (
        await app.request<WebhookDeliveryView[]>('GET', `/api/v1/webhooks/${id}/deliveries`, {
          token: admin,
        })
      ).body;
    const openTicket = async (subject: string) => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'letter',
          subject,
          description: subject,
          requester: { name: 'Ni Luh Putu', email: 'putu@dinkes.baliprov.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    };

    beforeAll(async () => {
      app = ctx();
      admin = await app.token('admin@sigap.local');
      clock = app.app.get(Clock);
      clock.set(now);
      worker = app.app.get(WebhookWorker);
      config = app.app.get(AppConfig);
      port = await receiver.start();
      const res = await createHook({
        url: `http://127.0.0.1:${port}/sigap`,
        events: [
          'ticket.opened',
          'ticket.status_changed',
          'step.completed',
          'sla.at_risk',
          'sla.breached',
          'complaint.opened',
          'survey.submitted',
        ],
        office: 'bali',
      });
      expect(res.status).withContext(res.text).toBe(201);
      hook = res.body;
      receiver.secret = hook.secret;
    });
    afterAll(async () => {
      clock.release();
      await receiver.stop();
    });
    beforeEach(() => receiver.clear());

    it('answers 201 with id and secret, lists without the secret, audits', async () => {
      expect(Object.keys(hook).sort()).toEqual(['id', 'secret']);
      expect(hook.secret.length).toBeGreaterThanOrEqual(40);
      const list = await app.request<WebhookView[]>('GET', '/api/v1/webhooks', { token: admin });
      expect(list.body.find((w) => w.id === hook.id)).toEqual(
        jasmine.objectContaining({ office: 'bali', active: true }),
      );
      expect(list.text).not.toContain(hook.secret);
      const audit = await app.app.get(AuditService).forEntity('webhook', hook.id);
      expect(audit.map((a) => a.action)).toEqual(['webhook.created']);
      expect(audit[0].after).not.toContain(hook.secret);
    });

    it('refuses non-admins, bad events and bad schemes', async () => {
      const agent = await app.token('helpdesk.bali@sigap.local');
      const body = { url: `http://127.0.0.1:${port}/x`, events: ['ticket.opened'] };
      expect((await createHook(body, agent)).status).toBe(403);
      expect((await app.request('GET', '/api/v1/webhooks', { token: agent })).status).toBe(403);
      const badEvent = await createHook({ ...body, events: ['ticket.deleted'] });
      expect(badEvent.status).toBe(400);
      expect(badEvent.text).toContain('events');
      const ftp = await createHook({ ...body, url: 'ftp://127.0.0.1/x' });
      expect(ftp.status).toBe(400);
      expect(ftp.text).toContain('url');
    });

    it('delivers each event of an opening once, signed over the raw body, in the same transaction', async () => {
      advance(60_000);
      const t = await openTicket('Aplikasi antrean');
      const queued = await app.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .find({ where: { channel: 'webhook', ticketNumber: t.number } });
      expect(queued.map((r) => r.status)).toEqual(queued.map(() => 'pending'));
      const result = await worker.drain();
      expect(result.failed).toBe(0);
      expect(receiver.events().sort()).toEqual(['step.completed', 'ticket.opened']);
      for (const r of receiver.accepted) {
        expect(r.signatureValid).withContext(r.raw.toString()).toBeTrue();
        expect(r.headers['x-sigap-delivery']).toBe(r.payload.id);
        expect(r.headers['x-sigap-event']).toBe(r.payload.event);
        expect(r.headers['content-type']).toBe('application/json');
      }
      const opened = receiver.accepted.find((r) => r.payload.event === 'ticket.opened')!.payload;
      expect(opened.occurredAt).toBe(new Date(now).toISOString());
      expect(opened.ticket).toEqual({
        number: t.number,
        office: 'bali',
        kind: 'request',
        service: 'pengembangan-aplikasi',
        status: 'new',
        due: opened.ticket.due,
      });
      const row = await app.app
        .get(DataSource)
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: t.number });
      expect(opened.ticket.due).toBe(row.dueAt.toISOString());
      // Nothing is sent twice.
      await worker.drain();
      expect(receiver.accepted.length).toBe(2);

      const cancel = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/cancel`, {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: { expectedVersion: t.version, reason: 'Dibatalkan pemohon' },
      });
      expect(cancel.status).withContext(cancel.text).toBe(200);
      await worker.drain();
      expect(receiver.events()).toContain('ticket.status_changed');
      const changed = receiver.accepted.find((r) => r.payload.event === 'ticket.status_changed')!;
      expect(changed.payload.ticket.status).toBe('cancelled');
    });

    it('a rolled-back change queues nothing', async () => {
      const before = await app.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .count({ where: { channel: 'webhook' } });
      const bad = await app.request('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          service: 'tidak-ada',
          channel: 'letter',
          subject: 'x',
          description: 'x',
          requester: { name: 'x', email: 'x@example.id' },
        },
      });
      expect(bad.status).not.toBe(201);
      const after = await app.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .count({ where: { channel: 'webhook' } });
      expect(after).toBe(before);
    });

    it('announces a complaint, then its SLA at risk and breached', async () => {
      advance(60_000);
      const filed = await app.request<FileComplaintResponse>('POST', '/api/v1/complaints', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          category: 'pengaduan',
          name: 'I Made Wirawan',
          email: 'made.wirawan@example.id',
          text: 'Aplikasi tidak dapat diakses sejak minggu lalu.',
          channel: 'letter',
        },
      });
      expect(filed.status).withContext(filed.text).toBe(201);
      await worker.drain();
      expect(receiver.events()).toEqual(['complaint.opened']);
      const complaint = receiver.accepted.find((r) => r.payload.event === 'complaint.opened')!;
      expect(complaint.payload.ticket.kind).toBe('complaint');
      expect(complaint.payload.ticket.due).toBe(filed.body.dueAt);

      const row = await app.app
        .get(DataSource)
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: filed.body.number });
      const atRisk = row.atRiskAt!.getTime();
      receiver.clear();
      clock.set((now = atRisk + 60_000));
      await app.app.get(SlaSweepService).sweepOnce();
      await worker.drain();
      expect(receiver.events()).toEqual(['sla.at_risk']);
      clock.set((now = Date.parse(filed.body.dueAt!) + 60_000));
      await app.app.get(SlaSweepService).sweepOnce();
      await worker.drain();
      expect(receiver.events()).toEqual(['sla.at_risk', 'sla.breached']);
      expect(receiver.accepted.every((r) => r.signatureValid)).toBeTrue();
    });

    it('announces an incident when it is reported and when its priority changes', async () => {
      advance(60_000);
      const agent = await app.token('helpdesk.bali@sigap.local');
      const subscribed = await createHook({
        url: `http://127.0.0.1:${port}/sigap`,
        events: ['incident.opened', 'incident.priority_changed'],
        office: 'bali',
      });
      expect(subscribed.status).withContext(subscribed.text).toBe(201);
      receiver.secret = subscribed.body.secret;
      try {
        const opened = await app.request<TicketDetail>('POST', '/api/v1/incidents', {
          token: agent,
          body: {
            office: 'bali',
            services: ['pusat-data'],
            impact: 'sedang',
            urgency: 'sedang',
            channel: 'phone',
            subject: 'Jaringan kantor bupati putus',
            description: 'Seluruh lantai dua tidak tersambung.',
            requester: { name: 'I Wayan Operator', phone: '+62 361 222444' },
          },
        });
        expect(opened.status).withContext(opened.text).toBe(201);
        await worker.drain();
        // The first webhook (ticket events) does not subscribe to incident events.
        expect(receiver.events()).toEqual(['incident.opened']);
        const first = receiver.accepted[0].payload;
        expect([first.ticket.number, first.ticket.kind]).toEqual([opened.body.number, 'incident']);
        receiver.clear();
        const changed = await app.request<TicketDetail>(
          'PUT',
          `/api/v1/incidents/${opened.body.number}/priority`,
          {
            token: agent,
            body: {
              impact: 'tinggi',
              urgency: 'tinggi',
              reason: 'Seluruh OPD terdampak.',
              expectedVersion: opened.body.version,
            },
          },
        );
        expect(changed.status).withContext(changed.text).toBe(200);
        await worker.drain();
        expect(receiver.events()).toEqual(['incident.priority_changed']);
        expect(receiver.accepted.every((r) => r.signatureValid)).toBeTrue();
      } finally {
        await app.request('DELETE', `/api/v1/webhooks/${subscribed.body.id}`, { token: admin });
        receiver.secret = hook.secret;
      }
    });

    it('announces a submitted survey once', async () => {
      advance(60_000);
      const t = await openTicket('Untuk survei');
      await worker.drain();
      receiver.clear();
      const ds = app.app.get(DataSource);
      const entity = await ds.getRepository(TicketEntity).findOneByOrFail({ number: t.number });
      const message = await ds.transaction((m) =>
        app.app.get(SurveyService).invite(m, entity, clock.now()),
      );
      const payload = message?.payload as { invitation: string; expiresAt: string };
      const link = signSurveyToken(resolveSurveySecret(config), {
        id: payload.invitation,
        ticketId: entity.id,
        expiresAt: new Date(payload.expiresAt),
      });
      const scores = [4, 4, 3, 4, 4, 3, 4, 4, 4];
      const first = await app.request('POST', `/api/v1/survey/${link}`, { body: { scores } });
      expect(first.status).withContext(first.text).toBe(201);
      const second = await app.request('POST', `/api/v1/survey/${link}`, { body: { scores } });
      expect(second.status).not.toBe(201);
      await worker.drain();
      expect(receiver.events()).toEqual(['survey.submitted']);
      expect(receiver.accepted[0].payload.ticket.number).toBe(t.number);
      expect(receiver.accepted[0].signatureValid).toBeTrue();
    });

    it('retries after a 500 and after a timeout, with backoff, then delivers once', async () => {
      advance(60_000);
      receiver.script.push({ status: 500 }, { status: 200, delayMs: 1_500 });
      const t = await openTicket('Coba ulang');
      void t;
      // Two deliveries (ticket.opened, step.completed): the first answers 500, the second is late.
      let r = await worker.runOnce();
      expect(r).toEqual({ claimed: 2, sent: 0, retried: 2, failed: 0 });
      const log = await deliveries();
      const failedOnes = log.filter((d) => d.status === 'pending' && d.attempts === 1);
      expect(failedOnes.length).toBe(2);
      expect(failedOnes.map((d) => d.responseCode).sort()).toEqual([500, null].sort());
      expect(failedOnes.some((d) => /jawaban dalam/.test(d.lastError ?? ''))).toBeTrue();
      for (const d of failedOnes) {
        // 30 s doubling with ±20 % jitter: the first retry waits 24-36 s.
        const wait = Date.parse(d.nextAttemptAt!) - now;
        expect(wait).toBeGreaterThanOrEqual(24_000);
        expect(wait).toBeLessThanOrEqual(36_000);
      }
      // Not due yet: nothing is sent.
      r = await worker.runOnce();
      expect(r.claimed).toBe(0);
      advance(40_000);
      await worker.drain();
      expect(receiver.events().sort()).toEqual(['step.completed', 'ticket.opened']);
      expect(new Set(receiver.attempts).size).toBe(2);
      const after = await deliveries();
      for (const d of after.filter((x) => failedOnes.some((f) => f.id === x.id))) {
        expect(d.status).toBe('sent');
        expect(d.attempts).toBe(2);
        expect(d.responseCode).toBe(200);
      }
    });

    it('never follows a redirect: a 3xx ends the delivery as failed', async () => {
      advance(60_000);
      receiver.script.push(
        { status: 302, location: `http://127.0.0.1:${port}/elsewhere` },
        { status: 302, location: `http://127.0.0.1:${port}/elsewhere` },
      );
      await openTicket('Dialihkan');
      const r = await worker.drain();
      expect(r.failed).toBe(2);
      // One request per delivery: the Location was not visited.
      expect(receiver.attempts.length).toBe(2);
      expect(receiver.accepted.length).toBe(0);
      const failed = (await deliveries()).filter((d) => d.status === 'failed');
      expect(failed.length).toBe(2);
      expect(failed.every((d) => d.responseCode === 302 && d.attempts === 1)).toBeTrue();
    });

    it('redelivers a delivery from the log with the same id and body, audited', async () => {
      const [last] = (await deliveries()).filter((d) => d.status === 'sent');
      const res = await app.request<WebhookDeliveryView>(
        'POST',
        `/api/v1/webhooks/${hook.id}/deliveries/${last.id}/redeliver`,
        { token: admin },
      );
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.status).toBe('pending');
      const again = await app.request(
        'POST',
        `/api/v1/webhooks/${hook.id}/deliveries/${last.id}/redeliver`,
        { token: admin },
      );
      expect(again.status).toBe(409);
      await worker.drain();
      expect(receiver.accepted.length).toBe(1);
      expect(receiver.accepted[0].payload.id).toBe(last.id);
      expect(receiver.accepted[0].signatureValid).toBeTrue();
      const audit = await app.app.get(AuditService).forEntity('webhook', hook.id);
      expect(audit.map((a) => a.action)).toContain('webhook.redelivered');
    });

    it('a disabled webhook gets nothing; a deleted one is gone and its queue ends', async () => {
      const off = await app.request<WebhookView>('PATCH', `/api/v1/webhooks/${hook.id}`, {
        token: admin,
        body: { active: false },
      });
      expect(off.status).withContext(off.text).toBe(200);
      expect(off.body.active).toBeFalse();
      advance(60_000);
      await openTicket('Saat nonaktif');
      await worker.drain();
      expect(receiver.accepted.length).toBe(0);

      const other = await createHook({
        url: `http://127.0.0.1:${port}/lain`,
        events: ['ticket.opened'],
      });
      await openTicket('Untuk dihapus');
      const del = await app.request('DELETE', `/api/v1/webhooks/${other.body.id}`, {
        token: admin,
      });
      expect(del.status).toBe(204);
      const log = await app.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .find({ where: { channel: 'webhook', recipient: other.body.id } });
      expect(log.map((r) => [r.status, r.lastError])).toEqual([
        ['failed', 'webhook sudah dihapus'],
      ]);
      await worker.drain();
      expect(receiver.accepted.length).toBe(0);
      const audit = await app.app.get(AuditService).forEntity('webhook', other.body.id);
      expect(audit.map((a) => a.action)).toEqual(['webhook.deleted', 'webhook.created']);
      await app.request('PATCH', `/api/v1/webhooks/${hook.id}`, {
        token: admin,
        body: { active: true },
      });
    });

    describe('in production', () => {
      let early: CreatedWebhook;
      beforeAll(async () => {
        // Made while outside production: a loopback target, allowed then.
        early = (
          await createHook({ url: `http://127.0.0.1:${port}/dulu`, events: ['ticket.opened'] })
        ).body;
        config.nodeEnv = 'production';
        config.webhookAllowedHosts = [];
      });
      afterAll(() => {
        config.nodeEnv = 'test';
        config.webhookAllowedHosts = [];
      });

      it('refuses private, loopback, link-local and metadata targets at creation', async () => {
        for (const url of [
          `http://127.0.0.1:${port}/x`,
          'http://10.1.2.3/x',
          'http://172.16.0.9/x',
          'http://192.168.1.1/x',
          'http://100.64.0.1/x',
          'http://169.254.169.254/latest/meta-data',
          `http://[::1]:${port}/x`,
          'http://[fd00:ec2::254]/x',
          'http://[fe80::1]/x',
          'http://[::ffff:127.0.0.1]/x',
          `http://localhost:${port}/x`,
        ]) {
          const res = await createHook({ url, events: ['ticket.opened'] });
          expect(res.status).withContext(`${url}: ${res.text}`).toBe(400);
          expect(res.text).withContext(url).toContain('url');
        }
      });

      it('lets a host listed in SIGAP_WEBHOOK_ALLOWED_HOSTS through, and delivers to it', async () => {
        config.webhookAllowedHosts = ['localhost'];
        const res = await createHook({
          url: `http://localhost:${port}/izin`,
          events: ['ticket.opened'],
        });
        expect(res.status).withContext(res.text).toBe(201);
        receiver.secret = res.body.secret;
        await app.request('PATCH', `/api/v1/webhooks/${hook.id}`, {
          token: admin,
          body: { active: false },
        });
        advance(60_000);
        await openTicket('Produksi');
        await worker.drain();
        // The allowed host got it; the loopback one made before production was refused when
        // delivering (the address connected to is checked again).
        expect(receiver.accepted.length).toBe(1);
        expect(receiver.accepted[0].signatureValid).toBeTrue();
        const refused = await deliveries(early.id);
        expect(refused.map((d) => d.status)).toEqual(['failed']);
        expect(refused[0].lastError).toContain('127.0.0.1');
        expect(refused[0].responseCode).toBeNull();
        await app.request('DELETE', `/api/v1/webhooks/${res.body.id}`, { token: admin });
        receiver.secret = hook.secret;
      });
    });
  },
  { SIGAP_WEBHOOK_TIMEOUT_SECONDS: '0.5' },
);
