// Complaint settings: the offices' complaint addresses, the public form's rate limits and the
// link to SP4N-LAPOR!.
import type { AppConfig } from './app-config';
import { ConfigError, bool, int, optional, type Env } from './env-values';

/** Fills the complaint addresses, limits and SP4N-LAPOR! settings. */
export function applyComplaintSettings(config: AppConfig, env: Env): void {
  config.complaintAddresses = parseComplaintAddresses(optional(env, 'SIGAP_COMPLAINT_ADDRESSES'));
  config.complaintIpLimit = int(env, 'SIGAP_COMPLAINT_IP_LIMIT', 10);
  config.complaintEmailLimit = int(env, 'SIGAP_COMPLAINT_EMAIL_LIMIT', 5);
  config.laporUrl = optional(env, 'SIGAP_LAPOR_URL')?.trim().replace(/\/+$/, '') ?? null;
  config.laporToken = optional(env, 'SIGAP_LAPOR_TOKEN');
  config.laporFake = bool(env, 'SIGAP_LAPOR_FAKE', false);
  config.laporPullSeconds = int(env, 'SIGAP_LAPOR_PULL_SECONDS', 900);
  if (config.laporFake && config.nodeEnv === 'production') {
    throw new ConfigError('SIGAP_LAPOR_FAKE tidak boleh dipakai bila NODE_ENV=production');
  }
  if (Boolean(config.laporUrl) !== Boolean(config.laporToken)) {
    throw new ConfigError('SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN harus diisi bersama');
  }
}

/** `bali=pengaduan@diskominfos.baliprov.go.id,riau=…` -> { bali: 'pengaduan@…' } (lower case). */
export function parseComplaintAddresses(raw: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  if (!raw) return result;
  const parts = raw.split(',').map((p) => p.trim());
  for (const part of parts.filter(Boolean)) {
    const match = /^([a-z0-9-]+)=([^\s@=,]+@[^\s@=,]+\.[^\s@=,]+)$/i.exec(part);
    if (!match) {
      throw new ConfigError(
        `SIGAP_COMPLAINT_ADDRESSES tidak valid: "${part}" (bentuk: kantor=alamat@domain)`,
      );
    }
    result[match[1].toLowerCase()] = match[2].toLowerCase();
  }
  return result;
}
