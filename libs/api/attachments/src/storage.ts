import { join } from 'node:path';
import type { AppConfig } from '@sigap/api-config';
import { AttachmentStore } from './attachment-store';
import { FolderStore } from './folder-store';
import { addressOf, SHA256_HEX, type ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-object-store';

/**
 * What an installation stores by content address, each in its own store: ticket attachments,
 * raw inbound mail (one `.eml` per message) and the copies of inbound mail's attachments.
 * `SIGAP_STORAGE_URL` puts all three in the data folder or all three in one bucket.
 */
export type StoredArea = 'attachments' | 'mail-raw' | 'mail-attachments';

export const STORED_AREAS: readonly StoredArea[] = ['attachments', 'mail-raw', 'mail-attachments'];

/**
 * Where each area lies: in the data folder (the path a file has below it, which is also its path
 * in a snapshot, whichever driver wrote it) and in the bucket (the folder below the prefix).
 */
const LAYOUT: Record<StoredArea, { folder: string; suffix: string; bucketArea: string }> = {
  attachments: { folder: 'attachments', suffix: '', bucketArea: '' },
  'mail-raw': { folder: 'mail/inbound', suffix: '.eml', bucketArea: 'mail/inbound' },
  'mail-attachments': { folder: 'mail/attachments', suffix: '', bucketArea: 'mail/attachments' },
};

/** A stored file's path below the data folder (and in snapshots), `/`-separated. */
export function dataPathOf(area: StoredArea, sha256: string): string {
  const { folder, suffix } = LAYOUT[area];
  return area === 'attachments' ? `${folder}/${addressOf(sha256)}` : `${folder}/${sha256}${suffix}`;
}

/** The area and checksum of a path below the data folder, or null when it is no stored file. */
export function storedFileAt(path: string): { area: StoredArea; sha256: string } | null {
  for (const area of STORED_AREAS) {
    const { folder, suffix } = LAYOUT[area];
    if (!path.startsWith(`${folder}/`) || !path.endsWith(suffix)) continue;
    const sha256 = path.slice(path.lastIndexOf('/') + 1, path.length - suffix.length);
    if (SHA256_HEX.test(sha256) && dataPathOf(area, sha256) === path) return { area, sha256 };
  }
  return null;
}

/** The stores per configuration, so every service shares one S3 client (and its connections). */
const stores = new WeakMap<AppConfig, Map<StoredArea, ObjectStore>>();

/** The store of one area, as `SIGAP_STORAGE_URL` chooses: the data folder or the bucket. */
export function objectStoreFor(config: AppConfig, area: StoredArea): ObjectStore {
  let byArea = stores.get(config);
  if (!byArea) {
    byArea = new Map();
    stores.set(config, byArea);
  }
  let store = byArea.get(area);
  if (!store) {
    const settings = config.storage;
    const shared = [...byArea.values()].find((s): s is S3ObjectStore => s instanceof S3ObjectStore);
    const { folder, suffix, bucketArea } = LAYOUT[area];
    const local = join(config.dataDir, ...folder.split('/'));
    store =
      settings?.driver === 's3'
        ? new S3ObjectStore(settings, bucketArea, shared?.client)
        : area === 'attachments'
          ? new AttachmentStore(local)
          : new FolderStore(local, suffix);
    byArea.set(area, store);
  }
  return store;
}

/** The attachment store `SIGAP_STORAGE_URL` chooses: the local data folder or an S3 bucket. */
export function attachmentStoreFor(config: AppConfig): ObjectStore {
  return objectStoreFor(config, 'attachments');
}
