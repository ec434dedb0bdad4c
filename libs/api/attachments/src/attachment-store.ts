import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { addressOf, SHA256_HEX, type ObjectStore, type StoredObject } from './object-store';

/**
 * Content-addressed file store under `<data dir>/attachments`: a file lives at
 * `ab/cd/<sha256>`, so identical uploads share one copy and the path proves the content.
 * Writes go to a temporary name first and are renamed into place (never half a file).
 *
 * A file's modification time is the last time it was stored: storing bytes that are already
 * there touches the file, so the cleanup of unreferenced files (`OrphanFileCleanup`) leaves it
 * alone for its grace period while the new attachment row is being written.
 */
export class AttachmentStore implements ObjectStore {
  readonly driver = 'local';

  constructor(private readonly root: string) {}

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

  /** Stores the bytes (once per content) and returns their checksum. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = AttachmentStore.sha256(bytes);
    const path = this.pathOf(sha256);
    try {
      if ((await stat(path)).size === bytes.length) {
        const now = new Date();
        await utimes(path, now, now);
        return sha256;
      }
    } catch {
      // not stored yet (or just taken away by the cleanup): written below
    }
    await mkdir(join(path, '..'), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return sha256;
  }

  /**
   * Takes a file already written and hashed elsewhere on the same disk (an upload in flight, see
   * `IncomingFileStorage`) into the store by renaming it; when the content is there already, the
   * stored copy is touched instead and the new file removed.
   */
  async adopt(file: string, sha256: string, size: number): Promise<void> {
    const path = this.pathOf(sha256);
    try {
      if ((await stat(path)).size === size) {
        const now = new Date();
        await utimes(path, now, now);
        await unlink(file).catch(() => undefined);
        return;
      }
    } catch {
      // not stored yet (or just taken away by the cleanup): moved in below
    }
    await mkdir(join(path, '..'), { recursive: true });
    await rename(file, path);
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async stat(sha256: string): Promise<StoredObject | null> {
    try {
      const found = await stat(this.pathOf(sha256));
      return { sha256, size: found.size, modifiedMs: found.mtimeMs };
    } catch {
      return null;
    }
  }

  async delete(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
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
