import { Injectable, Logger } from '@nestjs/common';
import { SharedRateLimiter } from '@sigap/api-common';
import { AppConfig, type LdapSettings } from '@sigap/api-config';
import type { LoginResponse } from '@sigap/contracts';
import { Client, InvalidCredentialsError, type Entry } from 'ldapts';
import { IdentityError } from '../identity-error';
import { LoginLimiter } from '../login-limiter';
import { SsoUsersService } from './sso-users.service';

/**
 * Escapes a value for an LDAP search filter (RFC 4515): `*`, `(`, `)`, `\` and NUL become
 * `\2a`, `\28`, `\29`, `\5c`, `\00`, so a user name such as `*)(uid=*` matches only itself.
 */
export function escapeLdapFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function first(entry: Entry, attribute: string): string | null {
  const value = entry[attribute] ?? entry[attribute.toLowerCase()];
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined || one === null) return null;
  return Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
}

function all(entry: Entry, attribute: string): string[] {
  const value = entry[attribute] ?? entry[attribute.toLowerCase()];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
}

/**
 * Sign-in against LDAP / Active Directory: binds as the service account, finds the one user the
 * filter names, checks the password by binding as that user, reads their groups (`memberOf`, or
 * a group search), and maps them to a role and office. The password is never logged or kept.
 */
@Injectable()
export class LdapService {
  private readonly log = new Logger('LDAP');
  private readonly limiter: LoginLimiter;

  constructor(
    private readonly config: AppConfig,
    private readonly users: SsoUsersService,
    sharedLimits: SharedRateLimiter,
  ) {
    this.limiter = new LoginLimiter(sharedLimits, {
      maxFailures: config.loginMaxFailures,
      freeFailures: config.loginFreeFailures,
      delayMs: config.loginDelayMs,
      windowMs: config.loginWindowSeconds * 1000,
    });
  }

  private get settings(): LdapSettings {
    const settings = this.config.sso.ldap;
    if (!settings) {
      throw new IdentityError(
        'auth.sso_not_configured',
        'Masuk dengan LDAP tidak diatur di instalasi ini (SIGAP_LDAP_URL).',
      );
    }
    return settings;
  }

  async login(username: string, password: string, clientIp: string): Promise<LoginResponse> {
    const settings = this.settings;
    const userKey = `ldap:${username.trim().toLowerCase()}`;
    const decision = await this.limiter.begin([userKey, `ip:${clientIp}`]);
    if (!decision.allowed) {
      throw new IdentityError(
        'auth.rate_limited',
        `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${decision.retryAfterSeconds} detik.`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const person = await this.authenticate(settings, username.trim(), password);
    const user = await this.users.signIn(
      {
        source: 'ldap',
        externalId: person.dn.slice(0, 500),
        email: person.email ?? '',
        name: person.name ?? '',
        groups: person.groups,
      },
      settings.roleMap,
    );
    await this.limiter.succeed(decision.ticket, [userKey]);
    return this.users.session(user);
  }

  private client(settings: LdapSettings): Client {
    return new Client({
      url: settings.url,
      timeout: settings.timeoutMs,
      connectTimeout: settings.timeoutMs,
    });
  }

  /** The directory entry of the user whose password this is; 401 otherwise. */
  private async authenticate(
    settings: LdapSettings,
    username: string,
    password: string,
  ): Promise<{ dn: string; email: string | null; name: string | null; groups: string[] }> {
    // An empty password would be an anonymous bind, which many directories accept.
    if (!username || !password) throw IdentityError.invalidCredentials();
    const service = this.client(settings);
    let found: { dn: string; email: string | null; name: string | null; groups: string[] };
    try {
      await service.bind(settings.bindDn, settings.bindPassword);
      const filter = settings.userFilter.replaceAll('{username}', escapeLdapFilterValue(username));
      const { searchEntries } = await service.search(settings.base, {
        scope: 'sub',
        filter,
        sizeLimit: 2,
        attributes: ['dn', settings.emailAttribute, settings.nameAttribute, 'memberOf'],
      });
      // No one, or more than one person (an ambiguous filter): nobody signs in.
      if (searchEntries.length !== 1) throw IdentityError.invalidCredentials();
      const entry = searchEntries[0];
      let groups = all(entry, 'memberOf');
      if (settings.groupBase) {
        const groupFilter = settings.groupFilter.replaceAll(
          '{dn}',
          escapeLdapFilterValue(entry.dn),
        );
        const result = await service.search(settings.groupBase, {
          scope: 'sub',
          filter: groupFilter,
          attributes: ['dn', 'cn'],
        });
        groups = [...groups, ...result.searchEntries.map((group) => group.dn)];
      }
      found = {
        dn: entry.dn,
        email: first(entry, settings.emailAttribute),
        name: first(entry, settings.nameAttribute),
        groups,
      };
    } catch (error) {
      if (error instanceof IdentityError) throw error;
      throw this.unavailable(error, 'service account');
    } finally {
      await service.unbind().catch(() => undefined);
    }
    const asUser = this.client(settings);
    try {
      await asUser.bind(found.dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw IdentityError.invalidCredentials();
      throw this.unavailable(error, 'user bind');
    } finally {
      await asUser.unbind().catch(() => undefined);
    }
    return found;
  }

  private unavailable(error: unknown, step: string): IdentityError {
    const e = error as { name?: string; code?: number | string };
    this.log.warn(`${step} failed at ${this.settings.url}: ${e?.name ?? 'error'} ${e?.code ?? ''}`);
    return new IdentityError(
      'auth.sso_unavailable',
      'Direktori LDAP tidak dapat dihubungi atau menolak akun layanan. Coba lagi nanti.',
    );
  }
}
