import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@sigap/api-config';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * The JWT signing secret: `SIGAP_JWT_SECRET` when set (required in production); otherwise a
 * random secret generated once and kept in the data dir, readable by the owner only.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, JWT_SECRET_FILE);
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * Key of the hidden marker in sent mail (and of the tracking links derived from it): `SIGAP_MAIL_MARKER_SECRET`, or one derived from the JWT secret.
 * Set it explicitly in production: rotating the JWT secret would otherwise change the marker
 * key and old markers would no longer match.
 */
export function resolveMarkerSecret(config: AppConfig): string {
  if (config.mailMarkerSecret) return config.mailMarkerSecret;
  return createHmac('sha256', resolveJwtSecret(config)).update('sigap-mail-marker').digest('hex');
}
