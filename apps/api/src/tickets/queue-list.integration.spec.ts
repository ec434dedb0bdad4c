import type {
  Problem,
  TicketAssigneeView,
  TicketDetail,
  TicketPage,
  UserView,
} from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { TicketListService, impliedOpen } from '@sigap/api-tickets';

describe('impliedOpen', () => {
  it('pins is_open only when every listed status agrees', () => {
    expect(impliedOpen(null)).toBeNull();
    expect(impliedOpen([])).toBeNull();
    expect(impliedOpen(['new', 'reopened'])).toBeTrue();
    expect(impliedOpen(['waiting'])).toBeTrue();
    expect(impliedOpen(['closed', 'cancelled', 'resolved'])).toBeFalse();
    expect(impliedOpen(['new', 'closed'])).toBeNull();
  });
});

/**
 * The queue list (`GET /api/v1/tickets`) as the console's views ask for it, and the agents a
 * ticket can be given to (`GET /api/v1/tickets/assignees`).
 */
describeOnBothDatabases('tickets: queue list and assignees', (ctx) => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  let ticket: TicketDetail;
  let second: UserView;
  let otherOffice: string;

  const newUser = async (body: Record<string, unknown>) => {
    const created = await app.request<UserView>('POST', '/api/v1/users', {
      token: admin,
      body: { password: 'sandi-uji-0123456789', positions: [], ...body },
    });
    expect(created.status).withContext(created.text).toBe(201);
    return created.body;
  };
  const assignees = (token: string, office?: string) =>
    app.request<TicketAssigneeView[] & Problem>(
      'GET',
      `/api/v1/tickets/assignees${office ? `?office=${office}` : ''}`,
      { token },
    );
  const numbers = async (query: string) => {
    const page = await app.request<TicketPage>('GET', `/api/v1/tickets?${query}`, {
      token: agent,
    });
    expect(page.status).withContext(page.text).toBe(200);
    return page.body.items.map((i) => i.number);
  };

  beforeAll(async () => {
    app = ctx();
    admin = await app.token('admin@sigap.local');
    agent = await app.token('helpdesk.bali@sigap.local');
    const offices = await app.request<{ code: string }[]>('GET', '/api/v1/offices', {
      token: admin,
    });
    otherOffice = offices.body.map((o) => o.code).find((c) => c !== 'bali')!;
    expect(otherOffice).toBeDefined();
    const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: agent,
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Antrean dan penugasan',
        description: 'Uji daftar antrean.',
        requester: { name: 'Made', email: 'made@diskes.baliprov.go.id' },
      },
    });
    expect(opened.status).withContext(opened.text).toBe(201);
    ticket = opened.body;
    second = await newUser({
      email: 'helpdesk.kedua@sigap.local',
      name: 'Helpdesk Kedua',
      roles: ['agent'],
      office: 'bali',
    });
    const retired = await newUser({
      email: 'helpdesk.pensiun@sigap.local',
      name: 'Helpdesk Pensiun',
      roles: ['agent'],
      office: 'bali',
    });
    const off = await app.request('PATCH', `/api/v1/users/${retired.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status).withContext(off.text).toBe(200);
    await newUser({
      email: 'helpdesk.lain@sigap.local',
      name: 'Helpdesk Kantor Lain',
      roles: ['agent'],
      office: otherOffice,
    });
  });

  it('lists the unassigned view by its open statuses, and the closed ones apart', async () => {
    expect(await numbers('status=new,reopened&limit=200')).toContain(ticket.number);
    expect(await numbers('status=closed,cancelled&limit=200')).not.toContain(ticket.number);
    expect(await numbers('status=new,closed&limit=200')).toContain(ticket.number);
  });

  it('asks the database by the queue index for a view of open statuses', () => {
    const lists = app.app.get(TicketListService);
    const user: AuthUser = {
      id: 'u',
      email: 'helpdesk.bali@sigap.local',
      name: 'Helpdesk',
      roles: ['agent'],
      office: 'bali',
      locale: 'id',
      positions: [],
    };
    const open = lists.query(user, { status: 'new,reopened' })!;
    const [sql, params] = open.getQueryAndParameters();
    expect(sql).toMatch(/is_open/);
    expect(params.some((p) => p === true || p === 1)).toBeTrue();
    // Only the columns of a row are read, not the long texts.
    expect(sql).not.toMatch(/description|sla_snapshot/);
    const mixed = lists.query(user, { status: 'new,closed' })!;
    expect(mixed.getQuery()).not.toMatch(/is_open/);
    expect(lists.query(user, { office: otherOffice })).toBeNull();
  });

  it('offers the office agents who can take a ticket, least loaded first', async () => {
    const given = await app.request('POST', `/api/v1/tickets/${ticket.number}/assign`, {
      token: agent,
      body: { userId: second.id, expectedVersion: ticket.version },
    });
    expect(given.status).withContext(given.text).toBe(200);
    expect(await numbers('status=new,reopened&limit=200')).not.toContain(ticket.number);

    const list = await assignees(agent);
    expect(list.status).withContext(list.text).toBe(200);
    // Active agents of Bali only: not the retired one, the other office's, the executors.
    expect(list.body.map((a) => [a.name, a.openTickets])).toEqual([
      ['Helpdesk BALI', 0],
      ['Helpdesk Kedua', 1],
    ]);
    expect(list.body[1].id).toBe(second.id);

    const manager = await assignees(await app.token('kadis.bali@sigap.local'));
    expect(manager.status).toBe(200);
    expect(manager.body.map((a) => a.id)).toEqual(list.body.map((a) => a.id));
  });

  it('is for agents and managers of the office, and admins naming one', async () => {
    const executor = await newUser({
      email: 'pelaksana.antrean@sigap.local',
      name: 'Pelaksana',
      roles: ['executor'],
      office: 'bali',
    });
    const executorToken = (await app.login(executor.email, 'sandi-uji-0123456789')).accessToken;
    expect((await assignees(executorToken)).status).toBe(403);
    expect((await assignees(agent, otherOffice)).status).toBe(403);
    expect((await assignees(admin)).status).toBe(400);
    const other = await assignees(admin, otherOffice);
    expect(other.status).toBe(200);
    expect(other.body.map((a) => a.name)).toContain('Helpdesk Kantor Lain');
    expect(other.body.map((a) => a.name)).not.toContain('Helpdesk Kedua');
    const bad = await app.request('GET', '/api/v1/tickets/assignees?office=bali&x=1', {
      token: admin,
    });
    expect(bad.status).toBe(400);
  });
});
