import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ObjectStore, StoredObject } from './object-store';

/**
 * Content-addressed files on the local disk; a subclass says where a checksum's file lives
 * (`pathOf`) and how to walk them (`list`). Writes go to a temporary name first and are renamed
 * into place (never half a file). A file's modification time is the last time it was stored:
 * storing bytes that are already there touches the file instead, so the sweeps that age files
 * by it (orphan cleanup, inbound retention) leave it alone for their grace period.
 */
export abstract class LocalFileStore implements ObjectStore {
  readonly driver = 'local';

  /** The folder holding the files. */
  abstract readonly folder: string;

  /** Where the file of this checksum lives (throws on anything that is not a sha256). */
  abstract pathOf(sha256: string): string;

  abstract list(): AsyncIterable<StoredObject>;

  /** Stores the bytes (once per content) and returns their checksum. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (await renewed(path, bytes.length)) return sha256;
    await mkdir(dirname(path), { recursive: true });
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
    if (await renewed(path, size)) {
      await unlink(file).catch(() => undefined);
      return;
    }
    await mkdir(dirname(path), { recursive: true });
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
