/**
 * The attachment objects of a snapshot when they live in an S3-compatible bucket
 * (`SIGAP_STORAGE_URL=s3://…`): a backup copies each object into the snapshot's `files/` where
 * the local driver would have kept it (`attachments/ab/cd/<sha256>`), so one snapshot restores
 * to either driver; a restore uploads those files to the configured bucket instead of the data
 * folder. With the local driver the objects are ordinary files of the data folder and nothing
 * here applies.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { addressOf, attachmentStoreFor, S3ObjectStore } from '@sigap/api-attachments';
import type { ObjectStore } from '@sigap/api-attachments';
import type { AppConfig } from '@sigap/api-config';

/** Where the attachment objects sit in a snapshot's file list (relative to the data folder). */
const OBJECT_PATH = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The bucket store, or null when attachments are files of the data folder. */
export function bucketStore(config: AppConfig): S3ObjectStore | null {
  const store = attachmentStoreFor(config);
  return store instanceof S3ObjectStore ? store : null;
}

/** Every object in the bucket, with its path in the snapshot and a stream of its bytes. */
export async function* bucketObjects(
  store: ObjectStore,
): AsyncGenerator<{ rel: string; sha256: string; open: () => Readable }> {
  for await (const item of store.list()) {
    yield {
      rel: `attachments/${addressOf(item.sha256)}`,
      sha256: item.sha256,
      open: () => store.open(item.sha256),
    };
  }
}

/** Whether a snapshot file is an attachment object (restored to the bucket). */
export function isObjectPath(rel: string): boolean {
  const match = OBJECT_PATH.exec(rel);
  return Boolean(match && match[3]?.startsWith(`${match[1]}${match[2]}`));
}

/**
 * Streams one snapshot file to the bucket under the address the snapshot lists, hashing it on the
 * way; bytes that do not match that address are taken away again and reported.
 */
export async function restoreObject(
  store: S3ObjectStore,
  source: string,
  expected: string,
): Promise<{ sha256: string; size: number }> {
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
export async function someObjects(store: ObjectStore): Promise<string[]> {
  const found: string[] = [];
  for await (const item of store.list()) {
    found.push(item.sha256.slice(0, 12));
    if (found.length >= 3) break;
  }
  return found;
}

/** Takes away every object of the bucket's prefix: a failed restore into an empty one. */
export async function emptyBucket(store: ObjectStore): Promise<void> {
  const all: string[] = [];
  for await (const item of store.list()) all.push(item.sha256);
  for (const sha256 of all) await store.delete(sha256);
}
