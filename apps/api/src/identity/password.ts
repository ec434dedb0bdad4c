import * as bcrypt from 'bcryptjs';

export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the e-mail is unknown, so both cases take the same time. */
export const DUMMY_HASH = bcrypt.hashSync('sigap-timing-equaliser', BCRYPT_COST);
