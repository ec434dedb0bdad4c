import type {
  Problem,
  StepCandidateView,
  TicketDetail,
  TicketPage,
  UserView,
} from '@sigap/contracts';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/**
 * The queue row's current step (position, assignee's name) and the candidates of a step for
 * reassignment (`GET /api/v1/tickets/{number}/steps/{order}/candidates`): the holders of the
 * step's position with their open-step load, and who may ask for them.
 */
describeOnBothDatabases('tickets: queue current step and step candidates', (ctx) => {
  let app: TestApp;
  let t: TicketDetail;
  let second: UserView;
  const candidatesOf = async (order: number, token: string | null) =>
    app.request<StepCandidateView[] & Problem>(
      'GET',
      `/api/v1/tickets/${t.number}/steps/${order}/candidates`,
      { token },
    );

  beforeAll(async () => {
    app = ctx();
    const admin = await app.token('admin@sigap.local');
    const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await app.token('helpdesk.bali@sigap.local'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Kandidat langkah',
        description: 'Uji kandidat.',
        requester: { name: 'Made', email: 'made@diskes.baliprov.go.id' },
      },
    });
    expect(opened.status).withContext(opened.text).toBe(201);
    t = opened.body;
    // A second holder of Kasubbag TU (step 2's position), with no step yet; and a manager of
    // the office who holds no position of the ticket (read access only).
    const created = await app.request<UserView>('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: 'tu.kedua@sigap.local',
        name: 'Kasubbag TU Kedua',
        roles: ['executor'],
        office: 'bali',
        password: 'sandi-uji-0123456789',
        positions: ['kasubbag-tu'],
      },
    });
    expect(created.status).withContext(created.text).toBe(201);
    second = created.body;
    const manager = await app.request('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: 'manajer.kandidat@sigap.local',
        name: 'Manajer Baca',
        roles: ['manager'],
        office: 'bali',
        password: 'sandi-uji-0123456789',
        positions: [],
      },
    });
    expect(manager.status).withContext(manager.text).toBe(201);
  });

  it('shows the current step and its assignee on the queue row', async () => {
    const page = await app.request<TicketPage>('GET', '/api/v1/tickets?limit=100', {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(page.status).toBe(200);
    const row = page.body.items.find((i) => i.number === t.number);
    expect(row?.currentStep).toEqual({
      order: 2,
      description: t.steps[1].description,
      position: 'kasubbag-tu',
      requesterSide: false,
      assignee: t.steps[1].assignee,
      dueAt: t.steps[1].clock?.limitDueAt ?? null,
      activeSteps: 1,
    });
    expect(row?.currentStep?.assignee?.name).toContain('Kepala Sub Bagian Tata Usaha');
  });

  it('lists the holders least loaded first, marks the assignee, follows a reassignment', async () => {
    const agent = await app.token('helpdesk.bali@sigap.local');
    const first = await candidatesOf(2, agent);
    expect(first.status).withContext(first.text).toBe(200);
    const assigned = t.steps[1].assignee!.id;
    expect(first.body.map((c) => c.id)).toEqual([second.id, assigned]);
    expect(first.body[0]).toEqual({
      id: second.id,
      name: 'Kasubbag TU Kedua',
      email: 'tu.kedua@sigap.local',
      openSteps: 0,
      current: false,
    });
    expect(first.body[1].current).toBe(true);
    expect(first.body[1].openSteps).toBeGreaterThanOrEqual(1);
    const demoLoad = first.body[1].openSteps;

    const moved = await app.request<TicketDetail>(
      'POST',
      `/api/v1/tickets/${t.number}/steps/2/assign`,
      { token: agent, body: { expectedVersion: t.version, userId: second.id } },
    );
    expect(moved.status).withContext(moved.text).toBe(200);
    t = moved.body;
    const after = await candidatesOf(2, agent);
    const byId = new Map(after.body.map((c) => [c.id, c]));
    expect(byId.get(second.id)).toEqual(jasmine.objectContaining({ openSteps: 1, current: true }));
    expect(byId.get(assigned)).toEqual(
      jasmine.objectContaining({ openSteps: demoLoad - 1, current: false }),
    );
  });

  it('gives a new ticket the least loaded holder when the position has several', async () => {
    const agent = await app.token('helpdesk.bali@sigap.local');
    const open = async () => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: agent,
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'letter',
          subject: 'Beban pemegang jabatan',
          description: 'Uji pemilihan pemegang.',
          requester: { name: 'Ketut', email: 'ketut@diskes.baliprov.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    };
    // Whatever the loads are now, each opening goes to the holder the candidates list puts
    // first (fewest active steps, then lowest id), and the loads follow.
    for (let i = 0; i < 3; i++) {
      const before = await candidatesOf(2, agent);
      expect(before.body.length).toBe(2);
      const opened = await open();
      expect(opened.steps[1].assignee?.id).withContext(`opening ${i}`).toBe(before.body[0].id);
      const loads = new Map(before.body.map((c) => [c.id, c.openSteps]));
      const least = Math.min(...loads.values());
      expect(loads.get(opened.steps[1].assignee!.id)).toBe(least);
    }
  });

  it('answers a missing step 404 and a requester-side step 422', async () => {
    const agent = await app.token('helpdesk.bali@sigap.local');
    const missing = await candidatesOf(99, agent);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ticket.step_not_found');
    const requesterSide = await candidatesOf(1, agent);
    expect(t.steps[0].requesterSide).toBe(true);
    expect(requesterSide.status).toBe(422);
    expect(requesterSide.body.code).toBe('ticket.assignee_invalid');
    const notNumber = await candidatesOf(Number.NaN, agent);
    expect(notNumber.status).toBe(400);
  });

  it('is for those who may reassign: admin and office agents; others 403 or 404', async () => {
    const own = async (email: string) =>
      (await app.login(email, 'sandi-uji-0123456789')).accessToken;
    const cases: [string, string | null, number][] = [
      ['anonymous', null, 401],
      ['admin', await app.token('admin@sigap.local'), 200],
      ['agent (Bali)', await app.token('helpdesk.bali@sigap.local'), 200],
      ['manager holding a step (kadis Bali)', await app.token('kadis.bali@sigap.local'), 403],
      ['holder of the step (second Kasubbag TU)', await own('tu.kedua@sigap.local'), 403],
      ['manager without a step (Bali)', await own('manajer.kandidat@sigap.local'), 403],
      ['agent (Riau)', await app.token('helpdesk.riau@sigap.local'), 404],
      ['executor (Riau)', await app.token('kasi-ppa.riau@sigap.local'), 404],
    ];
    for (const [who, token, want] of cases) {
      const res = await candidatesOf(2, token);
      expect(res.status).withContext(`${who}: ${res.text}`).toBe(want);
    }
  });
});
