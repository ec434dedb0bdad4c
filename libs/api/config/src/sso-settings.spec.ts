import { ConfigError } from './env-values';
import { parseRoleMap, parseSsoSettings } from './sso-settings';

describe('single sign-on settings', () => {
  it('reads a role map of groups (names or DNs) to roles and an office', () => {
    expect(
      parseRoleMap(
        'X',
        'sigap-admin -> admin; cn=helpdesk,ou=groups,dc=bali,dc=go,dc=id -> agent+manager@Bali;',
      ),
    ).toEqual([
      { group: 'sigap-admin', roles: ['admin'], office: null },
      {
        group: 'cn=helpdesk,ou=groups,dc=bali,dc=go,dc=id',
        roles: ['agent', 'manager'],
        office: 'bali',
      },
    ]);
  });

  it('refuses unknown roles, missing arrows and non-admin roles without an office', () => {
    for (const bad of ['grup -> raja@bali', 'grup agent@bali', 'grup -> agent', 'g -> agent@a@b']) {
      expect(() => parseRoleMap('SIGAP_OIDC_ROLE_MAP', bad))
        .withContext(bad)
        .toThrowError(ConfigError, /SIGAP_OIDC_ROLE_MAP tidak valid/);
    }
  });

  it('needs a client, a secret and a role map with an issuer; https in production', () => {
    const oidc = {
      SIGAP_OIDC_ISSUER: 'https://sso.example.go.id/realms/pemda',
      SIGAP_OIDC_CLIENT_ID: 'sigap',
      SIGAP_OIDC_CLIENT_SECRET: 'rahasia',
      SIGAP_OIDC_ROLE_MAP: 'sigap-admin -> admin',
    };
    expect(parseSsoSettings(oidc, true).oidc?.groupsClaim).toBe('groups');
    expect(() => parseSsoSettings({ ...oidc, SIGAP_OIDC_CLIENT_SECRET: '' }, true)).toThrowError(
      /SIGAP_OIDC_CLIENT_SECRET wajib/,
    );
    expect(() =>
      parseSsoSettings({ ...oidc, SIGAP_OIDC_ISSUER: 'http://sso.example.go.id' }, true),
    ).toThrowError(/https/);
    expect(
      parseSsoSettings({ ...oidc, SIGAP_OIDC_ISSUER: 'http://127.0.0.1:9' }, false).oidc?.allowHttp,
    ).toBeTrue();
  });

  it('refuses to switch the local sign-in off with no other way in', () => {
    expect(() => parseSsoSettings({ SIGAP_LOCAL_LOGIN: 'false' }, false)).toThrowError(
      /SIGAP_LOCAL_LOGIN=false/,
    );
    expect(parseSsoSettings({}, false)).toEqual({ localLogin: true, oidc: null, ldap: null });
  });

  it('wants {username} in the LDAP user filter and ldaps:// in production', () => {
    const ldap = {
      SIGAP_LDAP_URL: 'ldap://ad.example.go.id:389',
      SIGAP_LDAP_BIND_DN: 'cn=sigap,dc=example',
      SIGAP_LDAP_BIND_PASSWORD: 'rahasia',
      SIGAP_LDAP_BASE: 'dc=example',
      SIGAP_LDAP_ROLE_MAP: 'admins -> admin',
    };
    expect(parseSsoSettings(ldap, false).ldap?.userFilter).toBe('(uid={username})');
    expect(() => parseSsoSettings(ldap, true)).toThrowError(/ldaps:\/\//);
    expect(() =>
      parseSsoSettings({ ...ldap, SIGAP_LDAP_USER_FILTER: '(uid=budi)' }, false),
    ).toThrowError(/\{username\}/);
  });
});
