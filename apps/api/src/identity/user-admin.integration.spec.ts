import type { PositionHoldersView, Problem, UserView } from '@sigap/contracts';
import { OfficesService } from '@sigap/api-offices';
import { OutboxService } from '@sigap/api-outbox';
import { Clock } from '@sigap/api-clock';
import { PasswordResetService } from '@sigap/api-identity';
import { describeOnBothDatabases } from '../testing/test-app';

describeOnBothDatabases('users, position holders and password reset', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);
  let created: UserView;

  it('lets an admin create a user with positions; refuses a taken e-mail', async () => {
    const token = await as('admin');
    const res = await ctx().request<UserView>('POST', '/api/v1/users', {
      token,
      body: {
        email: 'Wayan@Diskominfos.baliprov.go.id',
        name: 'I Wayan Teknis',
        roles: ['executor'],
        office: 'bali',
        password: 'kata-sandi-awal',
        positions: ['tim-spbe'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe('wayan@diskominfos.baliprov.go.id');
    expect(res.body.positions).toEqual(['tim-spbe']);
    created = res.body;
    const login = await ctx().login('wayan@diskominfos.baliprov.go.id', 'kata-sandi-awal');
    expect(login.user.roles).toEqual(['executor']);

    const again = await ctx().request<Problem>('POST', '/api/v1/users', {
      token,
      body: { ...res.body, password: 'kata-sandi-awal', positions: [] },
    });
    expect(again.status).toBe(400); // id/active are not accepted fields
    const taken = await ctx().request<Problem>('POST', '/api/v1/users', {
      token,
      body: {
        email: 'wayan@diskominfos.baliprov.go.id',
        name: 'Lain',
        roles: ['agent'],
        office: 'bali',
        password: 'kata-sandi-awal',
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('identity.email_taken');
  });

  it('refuses user administration to non-admins', async () => {
    const res = await ctx().request('POST', '/api/v1/users', {
      token: await as('helpdesk.bali'),
      body: { email: 'x@y.id', name: 'X', roles: ['agent'], office: 'bali', password: '12345678' },
    });
    expect(res.status).toBe(403);
    const list = await ctx().request<UserView[]>('GET', '/api/v1/users', {
      token: await as('kadis.bali'),
    });
    expect(list.status).toBe(200);
    expect(new Set(list.body.map((u) => u.office))).toEqual(new Set(['bali']));
  });

  it('updates roles and positions, and deactivating stops sign-in', async () => {
    const token = await as('admin');
    const res = await ctx().request<UserView>('PATCH', `/api/v1/users/${created.id}`, {
      token,
      body: { positions: ['tim-spbe', 'kasi-ai'], roles: ['executor', 'agent'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.positions).toEqual(['kasi-ai', 'tim-spbe']);
    const bad = await ctx().request<Problem>('PATCH', `/api/v1/users/${created.id}`, {
      token,
      body: { positions: ['tidak-ada'] },
    });
    expect(bad.status).toBe(400);
    await ctx().request('PATCH', `/api/v1/users/${created.id}`, { token, body: { active: false } });
    const login = await ctx().request('POST', '/api/v1/auth/login', {
      body: { email: created.email, password: 'kata-sandi-awal' },
    });
    expect(login.status).toBe(401);
    await ctx().request('PATCH', `/api/v1/users/${created.id}`, { token, body: { active: true } });
  });

  it('sets the holders of a position (several holders; users of the office only)', async () => {
    const positions = await ctx().app.get(OfficesService).positions('bali');
    const spbe = positions.find((p) => p.code === 'tim-spbe')!;
    const users = await ctx().request<UserView[]>('GET', '/api/v1/users?office=bali', {
      token: await as('admin'),
    });
    const demoSpbe = users.body.find((u) => u.email === 'tim-spbe.bali@sigap.local')!;
    const res = await ctx().request<PositionHoldersView>(
      'PUT',
      `/api/v1/positions/${spbe.id}/holders`,
      { token: await as('kadis.bali'), body: { userIds: [demoSpbe.id, created.id] } },
    );
    expect(res.status).toBe(200);
    expect(res.body.holders.map((h) => h.email).sort()).toEqual([
      'tim-spbe.bali@sigap.local',
      'wayan@diskominfos.baliprov.go.id',
    ]);
    const riauUser = (
      await ctx().request<UserView[]>('GET', '/api/v1/users?office=riau', {
        token: await as('admin'),
      })
    ).body[0];
    const foreign = await ctx().request<Problem>('PUT', `/api/v1/positions/${spbe.id}/holders`, {
      token: await as('admin'),
      body: { userIds: [riauUser.id] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors![0].path).toBe('userIds[0]');
    const otherOffice = await ctx().request('PUT', `/api/v1/positions/${spbe.id}/holders`, {
      token: await as('kadis.riau'),
      body: { userIds: [] },
    });
    expect(otherOffice.status).toBe(403);
  });

  it('resets a password with a single-use token written to the outbox', async () => {
    const unknown = await ctx().request('POST', '/api/v1/auth/password-reset', {
      body: { email: 'tidak-ada@sigap.local' },
    });
    expect(unknown.status).toBe(202);
    const outbox = ctx().app.get(OutboxService);
    const before = (await outbox.pending('password-reset')).length;
    const res = await ctx().request('POST', '/api/v1/auth/password-reset', {
      body: { email: created.email },
    });
    expect(res.status).toBe(202);
    await ctx().app.get(PasswordResetService).settled();
    const rows = await outbox.pending('password-reset');
    expect(rows.length).toBe(before + 1);
    const payload = JSON.parse(rows[rows.length - 1].payload) as { token: string; email: string };
    expect(payload.email).toBe(created.email);

    const confirm = () =>
      ctx().request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: payload.token, password: 'sandi-baru-sekali' },
      });
    expect((await confirm()).status).toBe(204);
    await ctx().login(created.email, 'sandi-baru-sekali');
    const reused = await confirm();
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('auth.reset_invalid');
  });

  it('refuses an expired token', async () => {
    const clock = ctx().app.get(Clock);
    await ctx().request('POST', '/api/v1/auth/password-reset', { body: { email: created.email } });
    await ctx().app.get(PasswordResetService).settled();
    const rows = await ctx().app.get(OutboxService).pending('password-reset');
    const { token } = JSON.parse(rows[rows.length - 1].payload) as { token: string };
    clock.advance(61 * 60 * 1000);
    try {
      const res = await ctx().request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, password: 'sandi-terlambat' },
      });
      expect(res.status).toBe(400);
    } finally {
      clock.release();
    }
  });
});
