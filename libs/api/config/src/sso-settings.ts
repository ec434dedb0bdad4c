// Single sign-on settings: OpenID Connect, LDAP / Active Directory, and whether the local
// password sign-in stays open.
import { ROLES, type Role } from '@sigap/contracts';
import { ConfigError, bool, optional, type Env } from './env-values';

/** One line of a role map: members of `group` get `roles` in `office` (null: no office). */
export interface SsoGroupRule {
  /** Compared case-insensitively (an OIDC group name, an LDAP group DN or its `cn`). */
  group: string;
  roles: Role[];
  office: string | null;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** A secret: never printed. */
  clientSecret: string;
  scopes: string;
  /** The ID token / userinfo claim that lists the user's groups. */
  groupsClaim: string;
  roleMap: SsoGroupRule[];
  /** Plain-HTTP issuers are accepted outside production only (a local test provider). */
  allowHttp: boolean;
}

export interface LdapSettings {
  url: string;
  bindDn: string;
  /** A secret: never printed. */
  bindPassword: string;
  base: string;
  /** `{username}` is replaced by the escaped user name. */
  userFilter: string;
  /** Where groups are searched; null reads the user's `memberOf` instead. */
  groupBase: string | null;
  /** `{dn}` is replaced by the escaped user DN. */
  groupFilter: string;
  emailAttribute: string;
  nameAttribute: string;
  roleMap: SsoGroupRule[];
  timeoutMs: number;
}

export interface SsoSettings {
  /** `SIGAP_LOCAL_LOGIN`: the e-mail and password sign-in (default true). */
  localLogin: boolean;
  oidc: OidcSettings | null;
  ldap: LdapSettings | null;
}

/**
 * A role map: entries separated by `;`, each `group -> role[+role][@office]`, e.g.
 * `sigap-admin -> admin; cn=helpdesk-bali,ou=groups,dc=bali,dc=go,dc=id -> agent+manager@bali`.
 */
export function parseRoleMap(name: string, raw: string | null): SsoGroupRule[] {
  if (!raw?.trim()) return [];
  const rules: SsoGroupRule[] = [];
  for (const entry of raw.split(';')) {
    if (!entry.trim()) continue;
    const arrow = entry.lastIndexOf('->');
    const group = arrow < 0 ? '' : entry.slice(0, arrow).trim();
    const target = arrow < 0 ? '' : entry.slice(arrow + 2).trim();
    const [rolePart, office, extra] = target.split('@').map((part) => part.trim());
    const roles = (rolePart ?? '').split('+').map((role) => role.trim().toLowerCase());
    const badRole = roles.find((role) => !(ROLES as readonly string[]).includes(role));
    if (!group || !rolePart || extra !== undefined || office === '' || badRole !== undefined) {
      throw new ConfigError(
        `${name} tidak valid pada "${entry.trim()}": tulis grup -> peran[+peran][@kantor], dipisah ";" (peran: ${ROLES.join(', ')})`,
      );
    }
    if (!office && roles.some((role) => role !== 'admin')) {
      throw new ConfigError(
        `${name} tidak valid pada "${entry.trim()}": peran selain admin memerlukan @kantor`,
      );
    }
    rules.push({ group, roles: roles as Role[], office: office?.toLowerCase() ?? null });
  }
  return rules;
}

function required(env: Env, name: string, because: string): string {
  const value = optional(env, name)?.trim();
  if (!value) throw new ConfigError(`${name} wajib diisi bila ${because} diisi`);
  return value;
}

function oidcSettings(env: Env, production: boolean): OidcSettings | null {
  const issuer = optional(env, 'SIGAP_OIDC_ISSUER')?.trim();
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`SIGAP_OIDC_ISSUER bukan URL: "${issuer}"`);
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) {
    throw new ConfigError('SIGAP_OIDC_ISSUER harus https:// (http:// hanya di luar produksi)');
  }
  const roleMap = parseRoleMap('SIGAP_OIDC_ROLE_MAP', optional(env, 'SIGAP_OIDC_ROLE_MAP'));
  if (!roleMap.length) {
    throw new ConfigError('SIGAP_OIDC_ROLE_MAP wajib diisi bila SIGAP_OIDC_ISSUER diisi');
  }
  return {
    issuer,
    clientId: required(env, 'SIGAP_OIDC_CLIENT_ID', 'SIGAP_OIDC_ISSUER'),
    clientSecret: required(env, 'SIGAP_OIDC_CLIENT_SECRET', 'SIGAP_OIDC_ISSUER'),
    scopes: optional(env, 'SIGAP_OIDC_SCOPES')?.trim() ?? 'openid email profile',
    groupsClaim: optional(env, 'SIGAP_OIDC_GROUPS_CLAIM')?.trim() ?? 'groups',
    roleMap,
    allowHttp: url.protocol === 'http:',
  };
}

function ldapSettings(env: Env, production: boolean): LdapSettings | null {
  const url = optional(env, 'SIGAP_LDAP_URL')?.trim();
  if (!url) return null;
  if (!/^ldaps?:\/\/[^\s/]+\/?$/i.test(url)) {
    throw new ConfigError(`SIGAP_LDAP_URL harus ldap://host:port atau ldaps://host:port`);
  }
  if (
    production &&
    url.toLowerCase().startsWith('ldap://') &&
    !/\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]?/i.test(url)
  ) {
    throw new ConfigError(
      'SIGAP_LDAP_URL harus ldaps:// di produksi (kata sandi pengguna tidak boleh lewat jaringan tanpa enkripsi)',
    );
  }
  const userFilter = optional(env, 'SIGAP_LDAP_USER_FILTER')?.trim() ?? '(uid={username})';
  if (!userFilter.includes('{username}')) {
    throw new ConfigError('SIGAP_LDAP_USER_FILTER harus memuat {username}');
  }
  const groupFilter =
    optional(env, 'SIGAP_LDAP_GROUP_FILTER')?.trim() ?? '(|(member={dn})(uniqueMember={dn}))';
  if (!groupFilter.includes('{dn}')) {
    throw new ConfigError('SIGAP_LDAP_GROUP_FILTER harus memuat {dn}');
  }
  const roleMap = parseRoleMap('SIGAP_LDAP_ROLE_MAP', optional(env, 'SIGAP_LDAP_ROLE_MAP'));
  if (!roleMap.length) {
    throw new ConfigError('SIGAP_LDAP_ROLE_MAP wajib diisi bila SIGAP_LDAP_URL diisi');
  }
  const timeout = Number(optional(env, 'SIGAP_LDAP_TIMEOUT_SECONDS') ?? '5');
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 60) {
    throw new ConfigError('SIGAP_LDAP_TIMEOUT_SECONDS harus antara 0 dan 60 detik');
  }
  return {
    url,
    bindDn: required(env, 'SIGAP_LDAP_BIND_DN', 'SIGAP_LDAP_URL'),
    bindPassword: required(env, 'SIGAP_LDAP_BIND_PASSWORD', 'SIGAP_LDAP_URL'),
    base: required(env, 'SIGAP_LDAP_BASE', 'SIGAP_LDAP_URL'),
    userFilter,
    groupBase: optional(env, 'SIGAP_LDAP_GROUP_BASE')?.trim() ?? null,
    groupFilter,
    emailAttribute: optional(env, 'SIGAP_LDAP_EMAIL_ATTRIBUTE')?.trim() ?? 'mail',
    nameAttribute: optional(env, 'SIGAP_LDAP_NAME_ATTRIBUTE')?.trim() ?? 'cn',
    roleMap,
    timeoutMs: Math.round(timeout * 1000),
  };
}

/** Reads `SIGAP_LOCAL_LOGIN`, `SIGAP_OIDC_*` and `SIGAP_LDAP_*`. */
export function parseSsoSettings(env: Env, production: boolean): SsoSettings {
  const settings: SsoSettings = {
    localLogin: bool(env, 'SIGAP_LOCAL_LOGIN', true),
    oidc: oidcSettings(env, production),
    ldap: ldapSettings(env, production),
  };
  if (!settings.localLogin && !settings.oidc && !settings.ldap) {
    throw new ConfigError(
      'SIGAP_LOCAL_LOGIN=false memerlukan SIGAP_OIDC_ISSUER atau SIGAP_LDAP_URL: tanpa itu tidak ada yang dapat masuk',
    );
  }
  return settings;
}
