// Security settings: sign-in tokens, the first administrator, the sign-in rate limits, password
// hashing, the metrics token and which proxies are trusted for client addresses.
import { isIP } from 'node:net';
import type { AppConfig, TrustProxy } from './app-config';
import { ConfigError, int, optional, type Env } from './env-values';

/** Fills the token, administrator, sign-in limit, hashing and proxy settings. */
export function applySecuritySettings(config: AppConfig, env: Env): void {
  config.jwtSecret = optional(env, 'SIGAP_JWT_SECRET');
  config.jwtExpiresInSeconds = int(env, 'SIGAP_JWT_EXPIRES_IN', 8 * 3600);
  config.adminEmail = optional(env, 'SIGAP_ADMIN_EMAIL')?.trim().toLowerCase() ?? null;
  config.adminPassword = optional(env, 'SIGAP_ADMIN_PASSWORD');
  config.loginMaxFailures = int(env, 'SIGAP_LOGIN_MAX_FAILURES', 10);
  config.loginFreeFailures = int(env, 'SIGAP_LOGIN_FREE_FAILURES', 3);
  config.loginDelayMs = int(env, 'SIGAP_LOGIN_DELAY_MS', 250);
  config.loginWindowSeconds = int(env, 'SIGAP_LOGIN_WINDOW_SECONDS', 15 * 60);
  config.bcryptCost = int(env, 'SIGAP_BCRYPT_COST', 12);
  config.trustProxy = parseTrustProxy(optional(env, 'SIGAP_TRUST_PROXY'));
  config.metricsToken = optional(env, 'SIGAP_METRICS_TOKEN')?.trim() || null;
}

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `SIGAP_TRUST_PROXY`: `true`/`false`, a hop count (`1`), or a comma-separated list of the
 * proxies' addresses, CIDRs (`172.16.0.0/12`, `fd00::/8`) and the names Express knows
 * (`loopback`, `linklocal`, `uniquelocal`). Checked here so that a typo stops the start with one
 * line rather than at the first request; the check is by hand (node:net) because Express's own
 * parser is not a dependency of this application.
 */
export function parseTrustProxy(raw: string | null): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '') return false;
  const lower = value.toLowerCase();
  // A bare `1` is a hop count (trust the nearest proxy), as Express reads it.
  if (['true', 'yes', 'on', 'ya'].includes(lower)) return true;
  if (['false', 'no', 'off', 'tidak'].includes(lower)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) {
      throw new ConfigError(
        `SIGAP_TRUST_PROXY tidak valid: ${hops} lompatan proksi terlalu banyak`,
      );
    }
    return hops;
  }
  const entries = value.split(',').map((part) => part.trim());
  for (const entry of entries) {
    if (!validTrustEntry(entry)) {
      throw new ConfigError(
        `SIGAP_TRUST_PROXY tidak valid: "${entry}" bukan alamat, CIDR, atau nama (loopback, linklocal, uniquelocal); contoh: 1, loopback, 172.16.0.0/12`,
      );
    }
  }
  return entries.map((entry) => entry.toLowerCase());
}

function validTrustEntry(entry: string): boolean {
  if (TRUST_NAMES.has(entry.toLowerCase())) return true;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (!family) return false;
  if (slash < 0) return true;
  const suffix = entry.slice(slash + 1);
  if (/^\d{1,3}$/.test(suffix)) return Number(suffix) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask (`255.255.0.0`) is accepted too, when its ones are contiguous.
  if (family !== 4 || isIP(suffix) !== 4) return false;
  const bits = suffix
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits);
}
