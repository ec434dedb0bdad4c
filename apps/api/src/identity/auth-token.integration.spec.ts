import { JwtService } from '@nestjs/jwt';
import type { CurrentUser, UserView } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';

type Me = CurrentUser & { positions: string[] };

/**
 * Bearer tokens: a verified signature is remembered until the token expires, but the user
 * (active flag, roles, positions) is read on every request, so changes apply to the very next
 * request made with a token already in use.
 */
describeOnBothDatabases('bearer tokens in use', (ctx) => {
  it('sees position changes and deactivation at the next request of the same token', async () => {
    const app = ctx();
    const admin = await app.token('admin@sigap.local');
    const created = await app.request<UserView>('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: 'token.uji@sigap.local',
        name: 'Token Uji',
        roles: ['executor'],
        office: 'bali',
        password: 'sandi-uji-0123456789',
        positions: [],
      },
    });
    expect(created.status).withContext(created.text).toBe(201);
    const token = (await app.login('token.uji@sigap.local', 'sandi-uji-0123456789')).accessToken;
    const me = () => app.request<Me>('GET', '/api/v1/auth/me', { token });
    expect((await me()).body.positions).toEqual([]);

    const patch = (body: Record<string, unknown>) =>
      app.request('PATCH', `/api/v1/users/${created.body.id}`, { token: admin, body });
    expect((await patch({ positions: ['tim-spbe', 'kasi-ai'] })).status).toBe(200);
    expect((await me()).body.positions).toEqual(['kasi-ai', 'tim-spbe']);

    expect((await patch({ active: false })).status).toBe(200);
    expect((await me()).status).toBe(401);
    expect((await patch({ active: true })).status).toBe(200);
    const back = await me();
    expect(back.status).toBe(200);
    expect(back.body.email).toBe('token.uji@sigap.local');
  });

  it('refuses a remembered token once it has expired', async () => {
    const app = ctx();
    const login = await app.login('kadis.bali@sigap.local');
    const sub = (await app.request<Me>('GET', '/api/v1/auth/me', { token: login.accessToken })).body
      .id;
    const short = app.app.get(JwtService).sign({ sub }, { expiresIn: 1 });
    const me = () => app.request('GET', '/api/v1/auth/me', { token: short });
    expect((await me()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await me()).status).toBe(401);
  });
});
