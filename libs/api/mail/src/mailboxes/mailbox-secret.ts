/**
 * Mailbox passwords at rest: AES-256-GCM with a key derived (HMAC-SHA256) from the application's
 * secret (`SIGAP_JWT_SECRET`, or the one generated in the data folder), so a copy of the database
 * alone does not reveal them. Rotating that secret means entering the passwords again.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppConfig } from '@sigap/api-config';
import { resolveJwtSecret } from '@sigap/api-identity';

const PREFIX = 'v1';

export function mailboxKey(config: AppConfig): Buffer {
  return createHmac('sha256', resolveJwtSecret(config)).update('sigap-mailbox-password').digest();
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [PREFIX, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

/** Throws when the value was not made with this key (tampered, or the secret changed). */
export function decryptSecret(stored: string, key: Buffer): string {
  const [prefix, iv, tag, data] = stored.split(':');
  if (prefix !== PREFIX || !iv || !tag || data === undefined) {
    throw new Error('format sandi tersimpan tidak dikenal');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
