/**
 * The attachment objects of a snapshot when they live in an S3-compatible bucket
 * (`SIGAP_STORAGE_URL=s3://…`): a backup copies each object into the snapshot's `files/` where
 * the local driver would have kept it (`attachments/ab/cd/<sha256>`), so one snapshot restores
 * to either driver; a restore uploads those files to the configured bucket instead of the data
 * folder. With the local driver the objects are ordinary files of the data folder and nothing
 * here applies.
 */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { addressOf } from '../attachments/object-store';
import type { ObjectStore } from '../attachments/object-store';
import { attachmentStoreFor } from '../attachments/storage';

/** Where the attachment objects sit in a snapshot's file list (relative to the data folder). */
const OBJECT_PATH = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The bucket store, or null when attachments are files of the data folder. */
export function bucketStore(config: AppConfig): ObjectStore | null {
  const store = attachmentStoreFor(config);
  return store.driver === 'local' ? null : store;
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
 * Uploads one snapshot file to the bucket; answers its size. The bytes are checked against their
 * content address (the snapshot's list was checked before anything was written).
 */
export async function restoreObject(
  store: ObjectStore,
  source: string,
  expected: string,
): Promise<{ sha256: string; size: number }> {
  // Attachments are bounded by SIGAP_ATTACHMENT_MAX_MB, so one at a time in memory is fine.
  const bytes = await readFile(source);
  const sha256 = await store.put(bytes);
  if (sha256 !== expected) await store.delete(sha256);
  return { sha256, size: bytes.length };
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
