import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { AppConfig } from '@sigap/api-config';

/** Default work factor of new hashes (`SIGAP_BCRYPT_COST`). */
export const BCRYPT_COST = 12;

/**
 * bcrypt reads at most 72 bytes of a password and ignores the rest, so a longer password would
 * not mean what its owner thinks. Counted in UTF-8 bytes: one Indonesian letter is one byte, but
 * other scripts and emoji take two to four.
 */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_TOO_LONG_MESSAGE = `kata sandi paling panjang ${PASSWORD_MAX_BYTES} byte (UTF-8); huruf non-Latin dan emoji dihitung 2 sampai 4 byte`;

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, 'utf8');
}

export function passwordTooLong(password: string): boolean {
  return passwordBytes(password) > PASSWORD_MAX_BYTES;
}

/** class-validator rule for every field that sets a password. */
export function IsStorablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStorablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: PASSWORD_TOO_LONG_MESSAGE, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !passwordTooLong(value),
      },
    });
}

/**
 * Hashes and checks passwords with the configured bcrypt work factor (`SIGAP_BCRYPT_COST`,
 * 12 by default). Hashes made with less work keep working; `needsRehash` tells the sign-in to
 * renew them.
 */
@Injectable()
export class PasswordHasher {
  readonly cost: number;
  /** Compared against when the e-mail is unknown, so both cases take the same time. */
  private readonly dummyHash: string;

  constructor(config: AppConfig) {
    this.cost = config.bcryptCost;
    this.dummyHash = bcrypt.hashSync(randomBytes(16).toString('hex'), this.cost);
  }

  /** Hashes a password; refuses one bcrypt could not keep whole (callers validate first). */
  hash(password: string): Promise<string> {
    if (passwordTooLong(password)) throw new RangeError(PASSWORD_TOO_LONG_MESSAGE);
    return bcrypt.hash(password, this.cost);
  }

  /**
   * Checks a password against a stored hash (or, for an unknown user, a dummy one, so the
   * answer takes the same time). A password over the byte limit never matches: bcrypt would
   * compare only its first 72 bytes.
   */
  async verify(password: string, hash: string | null | undefined): Promise<boolean> {
    const tooLong = passwordTooLong(password);
    const matches = await bcrypt.compare(password, hash ?? this.dummyHash);
    return matches && !tooLong && !!hash;
  }

  /** Whether a stored hash was made with less work than new ones get. */
  needsRehash(hash: string): boolean {
    try {
      return bcrypt.getRounds(hash) < this.cost;
    } catch {
      return false;
    }
  }
}
