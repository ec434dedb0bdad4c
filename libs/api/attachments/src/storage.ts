import { join } from 'node:path';
import type { AppConfig } from '@sigap/api-config';
import { AttachmentStore } from './attachment-store';
import type { ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-object-store';

/** One store per configuration, so every service shares one S3 client (and its connections). */
const stores = new WeakMap<AppConfig, ObjectStore>();

/** The attachment store `SIGAP_STORAGE_URL` chooses: the local data folder or an S3 bucket. */
export function attachmentStoreFor(config: AppConfig): ObjectStore {
  let store = stores.get(config);
  if (!store) {
    store =
      config.storage?.driver === 's3'
        ? new S3ObjectStore(config.storage)
        : new AttachmentStore(join(config.dataDir, 'attachments'));
    stores.set(config, store);
  }
  return store;
}
