import type { AuthMethods, LoginResponse, Problem } from '@sigap/contracts';
import { escapeLdapFilterValue } from '@sigap/api-identity';
import { describeOnBothDatabases } from '../testing/test-app';
import { TestSlapd, slapdInstalled } from './testing/slapd';

const env: Record<string, string> = {};
/** The same directory with the local password sign-in off, groups read from `memberOf`. */
const localOffEnv: Record<string, string> = {};
let slapd: TestSlapd | null = null;

describe('LDAP filter escaping', () => {
  it('escapes every filter metacharacter (RFC 4515)', () => {
    expect(escapeLdapFilterValue('*)(uid=*')).toBe('\\2a\\29\\28uid=\\2a');
    expect(escapeLdapFilterValue('a\\b\0')).toBe('a\\5cb\\00');
    expect(escapeLdapFilterValue('budi.santoso')).toBe('budi.santoso');
  });
});

(slapdInstalled() ? describe : xdescribe)('sign-in by LDAP against slapd', () => {
  beforeAll(async () => {
    slapd = await TestSlapd.start();
    Object.assign(env, {
      SIGAP_LDAP_URL: slapd.url,
      SIGAP_LDAP_BIND_DN: 'cn=sigap,ou=services,dc=sigap,dc=test',
      SIGAP_LDAP_BIND_PASSWORD: 'rahasia-layanan',
      SIGAP_LDAP_BASE: 'ou=people,dc=sigap,dc=test',
      SIGAP_LDAP_USER_FILTER: '(&(objectClass=inetOrgPerson)(uid={username}))',
      SIGAP_LDAP_GROUP_BASE: 'ou=groups,dc=sigap,dc=test',
      SIGAP_LDAP_ROLE_MAP:
        'cn=helpdesk-bali,ou=groups,dc=sigap,dc=test -> agent@bali; kepala-bali -> manager@bali',
    });
    Object.assign(localOffEnv, env, { SIGAP_LOCAL_LOGIN: 'false' });
    delete localOffEnv['SIGAP_LDAP_GROUP_BASE'];
  }, 30_000);
  afterAll(async () => slapd?.destroy());

  describeOnBothDatabases(
    'LDAP',
    (ctx) => {
      const ldapLogin = (username: string, password: string) =>
        ctx().request<LoginResponse & Problem>('POST', '/api/v1/auth/ldap/login', {
          body: { username, password },
        });

      it('offers LDAP on the login page', async () => {
        const res = await ctx().request<AuthMethods>('GET', '/api/v1/auth/methods');
        expect(res.body).toEqual({ local: true, oidc: null, ldap: true });
      });

      it('signs in a directory user, created with the role and office of their groups', async () => {
        const res = await ldapLogin('wayan', 'sandi-wayan-123');
        expect(res.status).withContext(res.text).toBe(200);
        expect(res.body.user).toEqual(
          jasmine.objectContaining({
            email: 'wayan@bali.go.id',
            name: 'Wayan Sudarta',
            roles: ['agent', 'manager'],
            office: 'bali',
          }),
        );
        const me = await ctx().request('GET', '/api/v1/auth/me', { token: res.body.accessToken });
        expect(me.status).toBe(200);
        const again = await ldapLogin('WAYAN', 'sandi-wayan-123');
        expect(again.status).toBe(200);
        expect(again.body.user.id).toBe(res.body.user.id);
      });

      it('refuses a wrong password, an unknown user and an empty password alike', async () => {
        for (const [username, password] of [
          ['budi', 'salah-sekali'],
          ['tidak-ada', 'sandi-budi-123'],
        ]) {
          const res = await ldapLogin(username, password);
          expect(res.status).toBe(401);
          expect(res.body.code).toBe('auth.invalid_credentials');
        }
        const empty = await ldapLogin('budi', '');
        expect(empty.status).toBe(400);
        expect(empty.body.errors?.[0].path).toBe('password');
      });

      it('does not let a filter in the user name match someone else', async () => {
        for (const username of ['*)(uid=*', '*', 'bu*', 'budi)(|(uid=*', '*)(objectClass=*']) {
          const res = await ldapLogin(username, 'sandi-budi-123');
          expect(res.status).withContext(username).toBe(401);
        }
      });

      it('refuses a directory user without a mapped group', async () => {
        const res = await ldapLogin('sari', 'sandi-sari-123');
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('auth.sso_no_group');
      });
    },
    env,
  );

  describeOnBothDatabases(
    'LDAP only (local sign-in off, groups from memberOf)',
    (ctx) => {
      it('answers 403 problem+json on the password endpoint and still signs in by LDAP', async () => {
        const methods = await ctx().request<AuthMethods>('GET', '/api/v1/auth/methods');
        expect(methods.body).toEqual({ local: false, oidc: null, ldap: true });
        const local = await ctx().request<Problem>('POST', '/api/v1/auth/login', {
          body: { email: 'admin@sigap.local', password: 'sigap-demo' },
        });
        expect(local.status).toBe(403);
        expect(local.headers.get('content-type')).toContain('application/problem+json');
        expect(local.body.code).toBe('auth.local_login_disabled');
        const reset = await ctx().request<Problem>('POST', '/api/v1/auth/password-reset', {
          body: { email: 'admin@sigap.local' },
        });
        expect(reset.status).toBe(403);
        expect(reset.body.code).toBe('auth.local_login_disabled');
        const ldap = await ctx().request<LoginResponse>('POST', '/api/v1/auth/ldap/login', {
          body: { username: 'budi', password: 'sandi-budi-123' },
        });
        expect(ldap.status).toBe(200);
        expect(ldap.body.user.roles).toEqual(['agent']);
        expect(ldap.body.user.office).toBe('bali');
        const unmapped = await ctx().request<Problem>('POST', '/api/v1/auth/ldap/login', {
          body: { username: 'sari', password: 'sandi-sari-123' },
        });
        expect(unmapped.status).toBe(403);
      });
    },
    localOffEnv,
  );
});
