// Reading single values out of the environment, shared by every group of settings.
import { MAIL_TLS_MODES, type MailTlsMode } from './mail-tls-policy';

/** A start-up configuration problem: printed as one line, then the process exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The environment as the loader sees it: `process.env` at start-up, a plain object in tests. */
export type Env = Record<string, string | undefined>;

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on', 'ya'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off', 'tidak'].includes(raw)) return false;
  throw new ConfigError(`${name} harus true atau false, bukan "${env[name]}"`);
}

export function int(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} harus bilangan bulat, bukan "${raw}"`);
  return Number(raw);
}

export function tlsMode(env: Env, name: string): MailTlsMode {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'required';
  if ((MAIL_TLS_MODES as readonly string[]).includes(raw)) return raw as MailTlsMode;
  throw new ConfigError(`${name} harus required atau off, bukan "${env[name]}"`);
}

export function optional(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw;
}
