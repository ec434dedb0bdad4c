import type { LiveEvent, PresenceView, TicketDetail } from '@sigap/contracts';
import { LiveFeedService } from '@sigap/api-tickets';
import { SseClient, type SseMessage } from '../testing/sse-client';
import { DATABASES, createTestDatabase, startTestApp, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';

/**
 * Live updates across instances: a change made through instance A reaches a stream opened on
 * instance B within two seconds, and only users who may read the ticket receive it. Presence is
 * shared through the database the same way.
 */
const ticketEvent = (number: string, kind: LiveEvent['kind']) => (m: SseMessage) =>
  m.event === 'ticket' &&
  (m.data as LiveEvent).ticket === number &&
  (m.data as LiveEvent).kind === kind;

for (const kind of DATABASES) {
  describe(`live updates and presence across two instances [${kind}]`, () => {
    const pair = twoInstancesOnOneDatabase(kind);
    const streams: SseClient[] = [];

    async function stream(app: TestApp, email: string): Promise<SseClient> {
      const client = new SseClient(`${app.baseUrl}/api/v1/events`, await app.token(email));
      streams.push(client);
      expect(await client.open()).toBe(200);
      await client.next((m) => m.event === 'ready', 5000);
      return client;
    }

    async function openTicket(app: TestApp, subject: string): Promise<TicketDetail> {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'walk-in',
          subject,
          description: subject,
          requester: { name: 'Pemohon Uji', email: 'pemohon@opd.bali.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    }

    afterEach(async () => {
      await Promise.all(streams.splice(0).map((s) => s.close()));
    });

    it('refuses a stream without a session', async () => {
      const anonymous = new SseClient(`${pair.b.baseUrl}/api/v1/events`, null);
      expect(await anonymous.open()).toBe(401);
    });

    it('brings a change made on A to a stream on B within 2 s, and to nobody of another office', async () => {
      const baliAgent = await stream(pair.b, 'helpdesk.bali@sigap.local');
      const admin = await stream(pair.b, 'admin@sigap.local');
      const riauAgent = await stream(pair.b, 'helpdesk.riau@sigap.local');
      const riauExecutor = await stream(pair.a, 'kasi-ppa.riau@sigap.local');

      const sent = Date.now();
      const ticket = await openTicket(pair.a, 'Aplikasi absensi tidak bisa dibuka');
      const opened = await baliAgent.next(ticketEvent(ticket.number, 'opened'), 2000);
      expect(opened.at - sent).toBeLessThan(2000);
      expect(opened.data).toEqual(
        jasmine.objectContaining({ ticket: ticket.number, office: 'bali', kind: 'opened' }),
      );
      await admin.next(ticketEvent(ticket.number, 'opened'), 2000);

      const note = await pair.a.request<TicketDetail>(
        'POST',
        `/api/v1/tickets/${ticket.number}/notes`,
        {
          token: await pair.a.token('helpdesk.bali@sigap.local'),
          body: { expectedVersion: ticket.version, body: 'Dicek dulu servernya.' },
        },
      );
      expect(note.status).withContext(note.text).toBe(200);
      const changedAt = Date.now();
      const changed = await baliAgent.next(ticketEvent(ticket.number, 'changed'), 2000);
      expect(changed.at - changedAt).toBeLessThan(2000);
      expect((changed.data as LiveEvent).version).toBe(note.body.version);

      // Riau's streams were open all along and got nothing of Bali's ticket.
      await new Promise((r) => setTimeout(r, 1200));
      const leaked = [...riauAgent.messages, ...riauExecutor.messages].filter(
        (m) => m.event === 'ticket',
      );
      expect(leaked).toEqual([]);
    });

    it('tells an executor only of tickets with a step on a position they hold', async () => {
      const holder = await stream(pair.b, 'kasi-ai.bali@sigap.local');
      const ticket = await openTicket(pair.a, 'Permintaan subdomain baru');
      await holder.next(ticketEvent(ticket.number, 'opened'), 2000);
      expect(pair.b.app.get(LiveFeedService).listenerCount).toBeGreaterThan(0);
    });

    it('shares who has a ticket open and who is typing, across instances, within the office', async () => {
      const ticket = await openTicket(pair.a, 'Email dinas tidak bisa kirim');
      const path = `/api/v1/tickets/${ticket.number}/presence`;
      const agent = await pair.a.token('helpdesk.bali@sigap.local');
      const manager = await pair.b.token('kadis.bali@sigap.local');
      const agentStream = await stream(pair.a, 'helpdesk.bali@sigap.local');

      const first = await pair.a.request<PresenceView[]>('PUT', path, {
        token: agent,
        body: { typing: false },
      });
      expect(first.status).withContext(first.text).toBe(200);
      expect(first.body).toEqual([]);

      const typing = await pair.b.request<PresenceView[]>('PUT', path, {
        token: manager,
        body: { typing: true },
      });
      expect(typing.status).withContext(typing.text).toBe(200);
      expect(typing.body.map((p) => p.typing)).toEqual([false]);

      // The agent's stream on A learns of it; their next heartbeat names the manager typing.
      await agentStream.next(ticketEvent(ticket.number, 'presence'), 2000);
      const seen = await pair.a.request<PresenceView[]>('PUT', path, {
        token: agent,
        body: { typing: false },
      });
      expect(seen.body.length).toBe(1);
      expect(seen.body[0].typing).toBeTrue();
      expect(seen.body[0].name).toBeTruthy();

      const left = await pair.b.request('DELETE', path, { token: manager });
      expect(left.status).toBe(204);
      const after = await pair.a.request<PresenceView[]>('GET', path, { token: agent });
      expect(after.body).toEqual([]);

      // Another office's agent cannot see or join it; bad input names the field.
      const riau = await pair.b.token('helpdesk.riau@sigap.local');
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await pair.b.request(method, path, {
          token: riau,
          body: method === 'PUT' ? { typing: false } : undefined,
        });
        expect(res.status).withContext(`${method} ${res.text}`).toBe(404);
      }
      const bad = await pair.a.request('PUT', path, { token: agent, body: { typing: 'ya' } });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('typing');
      const missing = await pair.a.request('PUT', '/api/v1/tickets/BALI-1999-000001/presence', {
        token: agent,
        body: { typing: false },
      });
      expect(missing.status).toBe(404);
    });
  });
}

describe('live streams when an instance stops', () => {
  it('are ended, so the instance closes at once and the console reconnects elsewhere', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await startTestApp(db);
    try {
      const client = new SseClient(
        `${app.baseUrl}/api/v1/events`,
        await app.token('helpdesk.bali@sigap.local'),
      );
      expect(await client.open()).toBe(200);
      await client.next((m) => m.event === 'ready', 5000);
      const started = Date.now();
      await app.close();
      await client.ended;
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await db.drop();
    }
  });
});
