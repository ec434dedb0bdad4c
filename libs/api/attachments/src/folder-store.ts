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
import { SHA256_HEX, type ObjectStore, type StoredObject } from './object-store';

/**
 * Content-addressed files in one flat folder, `<folder>/<sha256><suffix>`: the layout the data
 * folder has always used for inbound mail (`mail/inbound/<sha256>.eml`, and the attachment copies
 * in `mail/attachments/<sha256>`), kept so existing installations and snapshots read unchanged.
 * Storing bytes already there renews the file's time instead (the retention sweep ages files by
 * it); new bytes are written under a temporary name and renamed into place, never half a file.
 */
export class FolderStore implements ObjectStore {
  readonly driver = 'local';

  constructor(
    readonly folder: string,
    private readonly suffix: string,
  ) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`bukan sha256: ${sha256}`);
    return join(this.folder, `${sha256}${this.suffix}`);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (await renewed(path, bytes.length)) return sha256;
    const temp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        await mkdir(this.folder, { recursive: true });
        await writeFile(temp, bytes, { flag: 'wx' });
      });
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return sha256;
  }

  async adopt(file: string, sha256: string, size: number): Promise<void> {
    const path = this.pathOf(sha256);
    if (await renewed(path, size)) {
      await unlink(file).catch(() => undefined);
      return;
    }
    await mkdir(this.folder, { recursive: true });
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
      return found.isFile() ? { sha256, size: found.size, modifiedMs: found.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  async delete(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
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

/** Touches a stored copy of this size, so it counts as stored now; false when there is none. */
async function renewed(path: string, size: number): Promise<boolean> {
  try {
    if ((await stat(path)).size !== size) return false;
    const now = new Date();
    await utimes(path, now, now);
    return true;
  } catch {
    return false; // not stored yet (or just taken away by a sweep): written anew
  }
}
