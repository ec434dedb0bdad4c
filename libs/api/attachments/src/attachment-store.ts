import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalFileStore } from './local-file-store';
import { addressOf, SHA256_HEX, type StoredObject } from './object-store';

/**
 * Content-addressed file store under `<data dir>/attachments`: a file lives at
 * `ab/cd/<sha256>`, so identical uploads share one copy and the path proves the content.
 * Storing bytes already there touches the file, so the cleanup of unreferenced files
 * (`OrphanFileCleanup`) leaves it alone while the new attachment row is being written.
 */
export class AttachmentStore extends LocalFileStore {
  constructor(private readonly root: string) {
    super();
  }

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The folder holding the files. */
  get folder(): string {
    return this.root;
  }

  pathOf(sha256: string): string {
    return join(this.root, ...addressOf(sha256).split('/'));
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const a of await hexFolders(this.root)) {
      for (const b of await hexFolders(join(this.root, a))) {
        const dir = join(this.root, a, b);
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          if (!entry.isFile() || !SHA256_HEX.test(entry.name)) continue;
          if (this.pathOf(entry.name) !== join(dir, entry.name)) continue;
          const found = await this.stat(entry.name);
          if (found) yield found;
        }
      }
    }
  }
}

async function hexFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name)).map((e) => e.name);
}
