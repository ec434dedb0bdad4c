import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalFileStore } from './local-file-store';
import { SHA256_HEX, type StoredObject } from './object-store';

/**
 * Content-addressed files in one flat folder, `<folder>/<sha256><suffix>`: the layout the data
 * folder has always used for inbound mail (`mail/inbound/<sha256>.eml`, and the attachment copies
 * in `mail/attachments/<sha256>`), kept so existing installations and snapshots read unchanged.
 */
export class FolderStore extends LocalFileStore {
  constructor(
    readonly folder: string,
    private readonly suffix: string,
  ) {
    super();
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`bukan sha256: ${sha256}`);
    return join(this.folder, `${sha256}${this.suffix}`);
  }

  async *list(): AsyncIterable<StoredObject> {
    const entries = await readdir(this.folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(this.suffix)) continue;
      const sha256 = entry.name.slice(0, entry.name.length - this.suffix.length);
      if (!SHA256_HEX.test(sha256)) continue;
      const found = await this.stat(sha256);
      if (found) yield found;
    }
  }
}
