/**
 * The stored files of a snapshot when they live in an S3-compatible bucket
 * (`SIGAP_STORAGE_URL=s3://…`): attachments, raw inbound mail and inbound mail's attachment
 * copies. A backup copies each object into the snapshot's `files/` where the local driver would
 * have kept it (`attachments/ab/cd/<sha256>`, `mail/inbound/<sha256>.eml`,
 * `mail/attachments/<sha256>`), so one snapshot restores to either driver; a restore uploads those
 * files to the configured bucket instead of the data folder. With the local driver the objects
 * are ordinary files of the data folder and nothing here applies.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import {
  dataPathOf,
  objectStoreFor,
  S3ObjectStore,
  STORED_AREAS,
  storedFileAt,
  type StoredArea,
} from '@sigap/api-attachments';
import type { AppConfig } from '@sigap/api-config';

/** The bucket's stores, one per area. */
export type BucketStores = ReadonlyMap<StoredArea, S3ObjectStore>;

/** The bucket's stores, or null when the stored files are files of the data folder. */
export function bucketStores(config: AppConfig): BucketStores | null {
  const stores = new Map<StoredArea, S3ObjectStore>();
  for (const area of STORED_AREAS) {
    const store = objectStoreFor(config, area);
    if (!(store instanceof S3ObjectStore)) return null;
    stores.set(area, store);
  }
  return stores;
}

/** Every object in the bucket, with its path in the snapshot and a stream of its bytes. */
export async function* bucketObjects(
  stores: BucketStores,
): AsyncGenerator<{ rel: string; sha256: string; open: () => Readable }> {
  for (const [area, store] of stores) {
    for await (const item of store.list()) {
      yield {
        rel: dataPathOf(area, item.sha256),
        sha256: item.sha256,
        open: () => store.open(item.sha256),
      };
    }
  }
}

/** Whether a snapshot file is a stored object (restored to the bucket). */
export function isObjectPath(rel: string): boolean {
  return storedFileAt(rel) !== null;
}

/**
 * Streams one snapshot file to the bucket under the address its path and the snapshot's list
 * give, hashing it on the way; bytes that do not match that address are taken away again and
 * reported (an empty checksum: the path names no object of that address).
 */
export async function restoreObject(
  stores: BucketStores,
  source: string,
  rel: string,
  expected: string,
): Promise<{ sha256: string; size: number }> {
  const at = storedFileAt(rel);
  const store = at && at.sha256 === expected ? stores.get(at.area) : undefined;
  if (!store) return { sha256: '', size: 0 };
  const { size } = await stat(source);
  const hash = createHash('sha256');
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await store.upload(expected, createReadStream(source).pipe(meter), size);
  const sha256 = hash.digest('hex');
  if (sha256 !== expected) await store.delete(expected);
  return { sha256, size };
}

/** A few objects already in the bucket (a restore wants it empty). */
export async function someObjects(stores: BucketStores): Promise<string[]> {
  const found: string[] = [];
  for await (const item of bucketObjects(stores)) {
    found.push(item.rel);
    if (found.length >= 3) break;
  }
  return found;
}

/** Takes away every object of the bucket's prefix: a failed restore into an empty one. */
export async function emptyBucket(stores: BucketStores): Promise<void> {
  for (const store of stores.values()) {
    const all: string[] = [];
    for await (const item of store.list()) all.push(item.sha256);
    for (const sha256 of all) await store.delete(sha256);
  }
}
