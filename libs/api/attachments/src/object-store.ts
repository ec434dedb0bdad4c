import type { Readable } from 'node:stream';

/** One stored object, as listed for the orphan cleanup and backups. */
export interface StoredObject {
  sha256: string;
  size: number;
  /** When the bytes were last stored (storing the same bytes again refreshes it). */
  modifiedMs: number;
}

/**
 * Where attachment bytes live, by their SHA-256 (content-addressed: identical files share one
 * copy, and the address proves the content). Two drivers: the local data folder
 * (`AttachmentStore`) and an S3-compatible bucket (`S3ObjectStore`), chosen by
 * `SIGAP_STORAGE_URL`; both lay objects out as `ab/cd/<sha256>`, so a backup reads the same
 * whichever wrote it.
 */
export interface ObjectStore {
  readonly driver: 'local' | 's3';
  /** Stores the bytes (once per content) and returns their checksum. */
  put(bytes: Buffer): Promise<string>;
  /**
   * Takes a local file whose checksum and size were counted while it was written (an upload in
   * flight) into the store; the file is gone afterwards. Bytes already stored are refreshed
   * instead, so the orphan cleanup leaves them alone for its grace period.
   */
  adopt(file: string, sha256: string, size: number): Promise<void>;
  /** The stored bytes as a stream (a missing object surfaces as the stream's error). */
  open(sha256: string): Readable;
  /** The stored bytes whole, for small files (reply attachments). */
  read(sha256: string): Promise<Buffer>;
  /** Size and time of an object, or null when it is not stored. */
  stat(sha256: string): Promise<StoredObject | null>;
  /** Removes an object; removing a missing one is not an error. */
  delete(sha256: string): Promise<void>;
  /** Every stored object, in no promised order. */
  list(): AsyncIterable<StoredObject>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `ab/cd/<sha256>`: the object's place below the store's root or prefix. */
export function addressOf(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`bukan sha256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
