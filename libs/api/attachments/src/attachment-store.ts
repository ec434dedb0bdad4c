import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed file store under `<data dir>/attachments`: a file lives at
 * `ab/cd/<sha256>`, so identical uploads share one copy and the path proves the content.
 * Writes go to a temporary name first and are renamed into place (never half a file).
 *
 * A file's modification time is the last time it was stored: storing bytes that are already
 * there touches the file, so the cleanup of unreferenced files (`OrphanFileCleanup`) leaves it
 * alone for its grace period while the new attachment row is being written.
 */
export class AttachmentStore {
  constructor(private readonly root: string) {}

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The folder holding the files. */
  get folder(): string {
    return this.root;
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`bukan sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
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
}
