import type { TicketDetail, TicketPage } from '@sigap/contracts';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/**
 * Every role against every ticket endpoint, over HTTP, on one Bali ticket. Actions carry a
 * stale `expectedVersion` (999): whoever may act gets 409 `ticket.stale_version` (the access
 * check comes first, and nothing changes); whoever may not gets 403 or 404. Access levels
 * (see access.ts): full (admin, the office's agents), steps (holders of a position in the
 * ticket's steps), read (managers of the office without such a position), none (other offices,
 * executors without a step on the ticket: the ticket does not exist for them).
 */
type Level = 'anon' | 'none' | 'read' | 'steps' | 'full' | 'admin';
type Need = 'read' | 'steps' | 'full' | 'admin' | 'upload';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

interface Endpoint {
  name: string;
  need: Need;
  method: 'GET' | 'POST';
  path: (n: string) => string;
  body?: Record<string, unknown>;
}

const STALE = { expectedVersion: 999 };
const ENDPOINTS: Endpoint[] = [
  { name: 'detail', need: 'read', method: 'GET', path: (n) => `/api/v1/tickets/${n}` },
  { name: 'timeline', need: 'read', method: 'GET', path: (n) => `/api/v1/tickets/${n}/timeline` },
  {
    name: 'assign',
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/assign`,
    body: { ...STALE, userId: 'x' },
  },
  ...(['receive', 'verify'] as const).map((a): Endpoint => ({
    name: `checklist ${a}`,
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/checklist/r1/${a}`,
    body: STALE,
  })),
  {
    name: 'choose service (triage)',
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/service`,
    body: { ...STALE, serviceCode: 'pengembangan-aplikasi' },
  },
  ...(
    ['checklist/r1/reject', 'return-to-requester', 'reopen', 'cancel', 'reject-request'] as const
  ).map((a): Endpoint => ({
    name: a,
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/${a}`,
    body: { ...STALE, reason: 'uji akses' },
  })),
  ...(['requester-answered', 'resolve', 'close'] as const).map((a): Endpoint => ({
    name: a,
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/${a}`,
    body: STALE,
  })),
  {
    name: 'step complete',
    need: 'steps',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/steps/2/complete`,
    body: { ...STALE, output: 'x' },
  },
  {
    name: 'step assign',
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/steps/2/assign`,
    body: { ...STALE, userId: 'x' },
  },
  {
    name: 'notes',
    need: 'steps',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/notes`,
    body: { ...STALE, body: 'catatan' },
  },
  {
    name: 'replies',
    need: 'full',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/replies`,
    body: { ...STALE, body: 'balasan' },
  },
  {
    name: 'sla recompute',
    need: 'admin',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/sla/recompute`,
  },
  {
    name: 'attachment upload',
    need: 'upload',
    method: 'POST',
    path: (n) => `/api/v1/tickets/${n}/attachments`,
  },
];

const RANK: Record<Level, number> = { anon: -1, none: 0, read: 1, steps: 2, full: 3, admin: 4 };

function expected(level: Level, e: Endpoint): number {
  if (level === 'anon') return 401;
  if (e.need === 'admin') return level === 'admin' ? 200 : 403;
  if (level === 'none') return 404;
  if (e.need === 'read') return 200;
  if (e.need === 'upload') return RANK[level] >= RANK.steps ? 201 : 403;
  const need = e.need === 'steps' ? RANK.steps : RANK.full;
  return RANK[level] >= need ? 409 : 403;
}

describeOnBothDatabases('tickets: access matrix over HTTP', (ctx) => {
  let app: TestApp;
  let t: TicketDetail;
  const roles: { who: string; level: Level; token: () => Promise<string | null> }[] = [];

  beforeAll(async () => {
    app = ctx();
    const admin = await app.token('admin@sigap.local');
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await app.token('helpdesk.bali@sigap.local'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'email',
        subject: 'Matriks akses',
        description: 'Uji akses.',
        requester: { name: 'Wayan', email: 'wayan@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    t = res.body;
    // A Bali manager and a Bali executor holding no position of this service's steps.
    for (const [email, role] of [
      ['manajer.baca@sigap.local', 'manager'],
      ['pelaksana.lain@sigap.local', 'executor'],
    ]) {
      const created = await app.request('POST', '/api/v1/users', {
        token: admin,
        body: {
          email,
          name: email,
          roles: [role],
          office: 'bali',
          password: 'sandi-uji-0123456789',
          positions: [],
        },
      });
      expect(created.status).withContext(created.text).toBe(201);
    }
    const demo = (email: string) => () => app.token(email);
    const own = (email: string) => async () =>
      (await app.login(email, 'sandi-uji-0123456789')).accessToken;
    roles.push(
      { who: 'anonymous', level: 'anon', token: async () => null },
      { who: 'admin', level: 'admin', token: demo('admin@sigap.local') },
      { who: 'agent (Bali)', level: 'full', token: demo('helpdesk.bali@sigap.local') },
      {
        who: 'manager holding a step (kadis Bali)',
        level: 'steps',
        token: demo('kadis.bali@sigap.local'),
      },
      {
        who: 'executor holding a step (kasi-ai Bali)',
        level: 'steps',
        token: demo('kasi-ai.bali@sigap.local'),
      },
      {
        who: 'manager without a step (Bali)',
        level: 'read',
        token: own('manajer.baca@sigap.local'),
      },
      {
        who: 'executor without a step (Bali)',
        level: 'none',
        token: own('pelaksana.lain@sigap.local'),
      },
      { who: 'agent (Riau)', level: 'none', token: demo('helpdesk.riau@sigap.local') },
      { who: 'manager (Riau)', level: 'none', token: demo('kadis.riau@sigap.local') },
      { who: 'executor (Riau)', level: 'none', token: demo('kasi-ppa.riau@sigap.local') },
    );
  });

  it('answers every role x endpoint with the expected status, changing nothing', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const role of roles) {
      const token = await role.token();
      for (const e of ENDPOINTS) {
        let status: number;
        let code = '';
        if (e.need === 'upload') {
          const form = new FormData();
          form.append('file', new Blob([PDF]), 'uji.pdf');
          const res = await fetch(app.baseUrl + e.path(t.number), {
            method: 'POST',
            headers: token ? { Authorization: `Bearer ${token}` } : {},
            body: form,
          });
          status = res.status;
          await res.text();
        } else {
          const res = await app.request<{ code?: string }>(e.method, e.path(t.number), {
            token,
            body: e.body,
          });
          status = res.status;
          code = res.body?.code ?? '';
        }
        const want = expected(role.level, e);
        checked++;
        if (status !== want || (want === 409 && code !== 'ticket.stale_version'))
          wrong.push(`${role.who} ${e.name}: ${status} ${code} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(roles.length * ENDPOINTS.length);
    // Only the admin's recompute wrote the ticket (version 1 -> 2); every refused or stale
    // action left it alone.
    const read = await app.request<TicketDetail>('GET', `/api/v1/tickets/${t.number}`, {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(read.body.version).toBe(2);
    expect(read.body.status).toBe('new');
  }, 60_000);

  it('opening: only the office agents and the admin may open a Bali ticket', async () => {
    const body = {
      office: 'bali',
      service: 'pengembangan-aplikasi',
      channel: 'letter',
      subject: 'Akses membuka',
      description: 'x',
      requester: { name: 'Nyoman', email: 'nyoman@opd.go.id' },
    };
    for (const role of roles) {
      const res = await app.request('POST', '/api/v1/tickets', { token: await role.token(), body });
      const want = role.level === 'anon' ? 401 : ['admin', 'full'].includes(role.level) ? 201 : 403;
      expect(res.status).withContext(`${role.who}: ${res.text}`).toBe(want);
    }
  });

  it('the queue lists the ticket exactly for the roles that may read it', async () => {
    for (const role of roles) {
      const token = await role.token();
      const res = await app.request<TicketPage>('GET', '/api/v1/tickets?limit=100', { token });
      if (role.level === 'anon') {
        expect(res.status).toBe(401);
        continue;
      }
      expect(res.status).withContext(role.who).toBe(200);
      const listed = res.body.items.some((i) => i.number === t.number);
      expect(listed)
        .withContext(role.who)
        .toBe(role.level !== 'none');
    }
  });
});
