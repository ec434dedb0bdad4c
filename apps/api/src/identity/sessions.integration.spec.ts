import * as bcrypt from 'bcryptjs';
import type { UserView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { OutboxService } from '@sigap/api-outbox';
import { DATABASES, describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';
import { BCRYPT_COST } from '@sigap/api-identity';
import { PasswordResetService, RESET_LIMIT_PER_ADDRESS } from '@sigap/api-identity';

const me = (app: TestApp, token: string) => app.request('GET', '/api/v1/auth/me', { token });

async function createUser(app: TestApp, email: string, password: string): Promise<UserView> {
  const res = await app.request<UserView>('POST', '/api/v1/users', {
    token: await app.token('admin@sigap.local'),
    body: { email, name: 'Uji Sesi', roles: ['agent'], office: 'bali', password, positions: [] },
  });
  expect(res.status).withContext(res.text).toBe(201);
  return res.body;
}

/**
 * Signing out and password changes end bearer tokens on the server. Two instances on one
 * database must agree, even when one of them has the token's signature check cached.
 */
for (const kind of DATABASES) {
  describe(`ending sign-ins across instances [${kind}]`, () => {
    const pair = twoInstancesOnOneDatabase(kind);

    it('logout revokes the presented token on every instance, and only that token', async () => {
      const { a, b } = pair;
      await createUser(a, `keluar.${kind}@sigap.local`, 'sandi-keluar-123');
      const first = (await a.login(`keluar.${kind}@sigap.local`, 'sandi-keluar-123')).accessToken;
      const second = (await b.login(`keluar.${kind}@sigap.local`, 'sandi-keluar-123')).accessToken;
      // Both instances have checked (and cached) the first token's signature.
      expect((await me(a, first)).status).toBe(200);
      expect((await me(b, first)).status).toBe(200);

      const out = await b.request('POST', '/api/v1/auth/logout', { token: first });
      expect(out.status).withContext(out.text).toBe(204);
      expect((await me(a, first)).status).toBe(401);
      expect((await me(b, first)).status).toBe(401);
      // Another sign-in of the same user goes on.
      expect((await me(a, second)).status).toBe(200);
      // Signing out twice is refused like any other revoked token.
      expect((await a.request('POST', '/api/v1/auth/logout', { token: first })).status).toBe(401);
      expect((await a.request('POST', '/api/v1/auth/logout')).status).toBe(401);

      const audit = await a.app
        .get(DataSource)
        .query(`SELECT action FROM audit_log WHERE action = 'user.signed_out'`);
      expect(audit.length).toBe(1);
    });

    it('a password change by an admin ends every earlier token of that user', async () => {
      const { a, b } = pair;
      const user = await createUser(a, `ganti.${kind}@sigap.local`, 'sandi-lama-12345');
      const old = (await a.login(user.email, 'sandi-lama-12345')).accessToken;
      expect((await me(b, old)).status).toBe(200);

      const patch = await a.request('PATCH', `/api/v1/users/${user.id}`, {
        token: await a.token('admin@sigap.local'),
        body: { password: 'sandi-baru-12345' },
      });
      expect(patch.status).withContext(patch.text).toBe(200);
      expect((await me(a, old)).status).toBe(401);
      expect((await me(b, old)).status).toBe(401);
      const fresh = (await b.login(user.email, 'sandi-baru-12345')).accessToken;
      expect((await me(a, fresh)).status).toBe(200);
      // A change of something else leaves tokens alone.
      const rename = await a.request('PATCH', `/api/v1/users/${user.id}`, {
        token: await a.token('admin@sigap.local'),
        body: { name: 'Nama Baru' },
      });
      expect(rename.status).toBe(200);
      expect((await me(b, fresh)).status).toBe(200);
    });

    it("a user's own password change ends their earlier tokens and answers a new one", async () => {
      const { a, b } = pair;
      const user = await createUser(a, `sendiri.${kind}@sigap.local`, 'sandi-lama-12345');
      const here = (await a.login(user.email, 'sandi-lama-12345')).accessToken;
      const elsewhere = (await b.login(user.email, 'sandi-lama-12345')).accessToken;
      expect((await me(b, here)).status).toBe(200);
      const change = (token: string, body: Record<string, unknown>) =>
        b.request('POST', '/api/v1/auth/password', { token, body });

      const wrong = await change(here, {
        currentPassword: 'bukan-ini',
        newPassword: 'sandi-baru-1',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].path).toBe('currentPassword');
      const tooLong = await change(here, {
        currentPassword: 'sandi-lama-12345',
        newPassword: '🔐'.repeat(19),
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors[0].path).toBe('newPassword');
      expect((await me(a, here)).status).toBe(200);

      const ok = await change(here, {
        currentPassword: 'sandi-lama-12345',
        newPassword: 'sandi-baru-12345',
      });
      expect(ok.status).withContext(ok.text).toBe(200);
      for (const app of [a, b]) {
        expect((await me(app, here)).status).toBe(401);
        expect((await me(app, elsewhere)).status).toBe(401);
        expect((await me(app, ok.body.accessToken)).status).toBe(200);
      }
      await a.login(user.email, 'sandi-baru-12345');
      const audit = await a.app
        .get(DataSource)
        .query(`SELECT entity_id FROM audit_log WHERE action = 'user.password_changed'`);
      expect(audit).toEqual([{ entity_id: user.id }]);
    });

    it('a password reset ends every earlier token of that user', async () => {
      const { a, b } = pair;
      const user = await createUser(a, `reset.${kind}@sigap.local`, 'sandi-lama-12345');
      const old = (await a.login(user.email, 'sandi-lama-12345')).accessToken;
      expect((await me(b, old)).status).toBe(200);

      // Two links asked for (say, the second because the first seemed lost).
      for (let i = 0; i < 2; i++) {
        expect(
          (await a.request('POST', '/api/v1/auth/password-reset', { body: { email: user.email } }))
            .status,
        ).toBe(202);
      }
      await a.app.get(PasswordResetService).settled();
      const rows = await a.app.get(OutboxService).pending('password-reset');
      const payload = rows
        .map((r) => JSON.parse(r.payload) as { token: string; email: string })
        .filter((p) => p.email === user.email);
      expect(payload.length).toBe(2);
      const confirm = await b.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: payload[0].token, password: 'sandi-baru-12345' },
      });
      expect(confirm.status).withContext(confirm.text).toBe(204);
      expect((await me(a, old)).status).toBe(401);
      expect((await me(b, old)).status).toBe(401);
      expect(
        (await me(a, (await a.login(user.email, 'sandi-baru-12345')).accessToken)).status,
      ).toBe(200);
      // The other link, still unused, died with the reset.
      const other = await a.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: payload[1].token, password: 'sandi-penyerang-1' },
      });
      expect(other.status).toBe(400);
      expect(other.body.code).toBe('auth.reset_invalid');
    });
  });
}

describeOnBothDatabases(
  'password reset requests, passwords and user visibility',
  (ctx) => {
    const reset = (email: string, ip: string) =>
      ctx().request('POST', '/api/v1/auth/password-reset', {
        body: { email },
        headers: { 'X-Forwarded-For': ip },
      });

    it('answers a known and an unknown address identically, and mails only the known one', async () => {
      const app = ctx();
      const outbox = app.app.get(OutboxService);
      const before = (await outbox.pending('password-reset')).length;
      const known = await reset('helpdesk.bali@sigap.local', app.freshIp());
      const unknown = await reset('tidak.ada.sama.sekali@sigap.local', app.freshIp());
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(known.status);
      expect(unknown.text).toBe(known.text);
      expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
      await app.app.get(PasswordResetService).settled();
      const after = (await outbox.pending('password-reset')).map(
        (r) => (JSON.parse(r.payload) as { email: string }).email,
      );
      expect(after.length).toBe(before + 1);
      expect(after[after.length - 1]).toBe('helpdesk.bali@sigap.local');
    });

    it('the answer does not wait for the lookup, the token or the mail', async () => {
      const app = ctx();
      const service = app.app.get(PasswordResetService);
      // The work is slow (say, a busy database): the answer must not be.
      const issue = (service as unknown as { issue: (email: string) => Promise<void> }).issue;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const spy = spyOn(service as never, 'issue' as never).and.callFake((async (email: string) => {
        await gate;
        return issue.call(service, email);
      }) as never);
      try {
        const res = await reset('kadis.bali@sigap.local', app.freshIp());
        expect(res.status).toBe(202);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        release();
        await service.settled();
      }
    });

    it('limits requests per address (any client) and per client address (any e-mail)', async () => {
      const app = ctx();
      const email = 'helpdesk.riau@sigap.local';
      for (let i = 0; i < RESET_LIMIT_PER_ADDRESS; i++) {
        expect((await reset(email, app.freshIp())).status).toBe(202);
      }
      const limited = await reset(email, app.freshIp());
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // An unknown address is limited the same way (the 429 does not tell them apart).
      const stranger = 'orang.asing@contoh.go.id';
      for (let i = 0; i < RESET_LIMIT_PER_ADDRESS; i++) {
        expect((await reset(stranger, app.freshIp())).status).toBe(202);
      }
      expect((await reset(stranger, app.freshIp())).status).toBe(429);

      const ip = app.freshIp();
      let status = 0;
      let sent = 0;
      for (let i = 0; i < 50 && status !== 429; i++) {
        status = (await reset(`acak.${i}@contoh.go.id`, ip)).status;
        if (status === 202) sent++;
      }
      expect(status).toBe(429);
      expect(sent).toBe(10);
      await app.app.get(PasswordResetService).settled();
    });

    it('refuses passwords over 72 UTF-8 bytes wherever one is set', async () => {
      const app = ctx();
      const admin = await app.token('admin@sigap.local');
      // 30 characters, 120 bytes: short enough by characters, too long for bcrypt.
      const emoji = '🔐'.repeat(30);
      const created = await app.request('POST', '/api/v1/users', {
        token: admin,
        body: {
          email: 'panjang@sigap.local',
          name: 'Sandi Panjang',
          roles: ['agent'],
          office: 'bali',
          password: emoji,
        },
      });
      expect(created.status).toBe(400);
      expect(created.body.errors.map((e: { path: string }) => e.path)).toEqual(['password']);
      expect(created.body.errors[0].message).toContain('72 byte');

      // Exactly 72 bytes is fine; 73 is not.
      const ok = await app.request<UserView>('POST', '/api/v1/users', {
        token: admin,
        body: {
          email: 'panjang@sigap.local',
          name: 'Sandi Panjang',
          roles: ['agent'],
          office: 'bali',
          password: 'é'.repeat(36),
        },
      });
      expect(ok.status).withContext(ok.text).toBe(201);
      await app.login('panjang@sigap.local', 'é'.repeat(36));
      // bcrypt alone would accept anything after the 72nd byte.
      const longer = await app.request('POST', '/api/v1/auth/login', {
        body: { email: 'panjang@sigap.local', password: 'é'.repeat(36) + 'x' },
      });
      expect(longer.status).toBe(401);

      const patch = await app.request('PATCH', `/api/v1/users/${ok.body.id}`, {
        token: admin,
        body: { password: 'a'.repeat(73) },
      });
      expect(patch.status).toBe(400);
      expect(patch.body.errors[0].path).toBe('password');

      const confirm = await app.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: 'x'.repeat(43), password: emoji },
      });
      expect(confirm.status).toBe(400);
      expect(confirm.body.errors[0].path).toBe('password');
    });

    it('hashes new passwords at cost 12; older hashes still sign in and are renewed', async () => {
      const app = ctx();
      const ds = app.app.get(DataSource);
      const hashOf = async (email: string) =>
        (
          (await ds.query('SELECT password_hash FROM users WHERE email = ?', [email])) as {
            password_hash: string;
          }[]
        )[0].password_hash;
      // This suite runs with the production default (the other suites use 10 for speed).
      expect(app.config.bcryptCost).toBe(BCRYPT_COST);
      expect(BCRYPT_COST).toBe(12);
      expect(bcrypt.getRounds(await hashOf('panjang@sigap.local'))).toBe(12);

      await ds.query('UPDATE users SET password_hash = ? WHERE email = ?', [
        bcrypt.hashSync('sandi-lama-cost-10', 10),
        'panjang@sigap.local',
      ]);
      await app.login('panjang@sigap.local', 'sandi-lama-cost-10');
      expect(bcrypt.getRounds(await hashOf('panjang@sigap.local'))).toBe(12);
      await app.login('panjang@sigap.local', 'sandi-lama-cost-10');
    });

    it('a manager reads users of their office, never administrators (no office)', async () => {
      const app = ctx();
      const manager = await app.token('kadis.bali@sigap.local');
      const list = await app.request<UserView[]>('GET', '/api/v1/users', { token: manager });
      expect(list.status).toBe(200);
      expect(list.body.every((u) => u.office === 'bali')).toBeTrue();
      const admin = (
        await app.request<UserView[]>('GET', '/api/v1/users', {
          token: await app.token('admin@sigap.local'),
        })
      ).body.find((u) => u.email === 'admin@sigap.local');
      expect(admin?.office).toBeNull();
      const read = await app.request('GET', `/api/v1/users/${admin!.id}`, { token: manager });
      expect(read.status).toBe(403);
      expect(read.text).not.toContain('admin@sigap.local');
      const colleague = list.body.find((u) => u.email === 'helpdesk.bali@sigap.local');
      expect(
        (await app.request('GET', `/api/v1/users/${colleague!.id}`, { token: manager })).status,
      ).toBe(200);
    });
  },
  { SIGAP_BCRYPT_COST: String(BCRYPT_COST) },
);
