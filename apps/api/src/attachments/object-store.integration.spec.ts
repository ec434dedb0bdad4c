import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStorageSettings } from '@sigap/api-config';
import { TestS3Server } from '../testing/s3-server';
import { AttachmentStore } from '@sigap/api-attachments';
import type { ObjectStore } from '@sigap/api-attachments';
import { S3ObjectStore } from '@sigap/api-attachments';

/** The same contract, held by both drivers. */
function contract(name: string, make: () => { store: ObjectStore; scratch: string }): void {
  describe(`object store contract: ${name}`, () => {
    let store: ObjectStore;
    let scratch: string;
    beforeEach(() => ({ store, scratch } = make()));

    const all = async () => {
      const found: string[] = [];
      for await (const item of store.list()) found.push(item.sha256);
      return found.sort();
    };

    it('stores bytes once under their checksum and reads them back', async () => {
      const bytes = randomBytes(70 * 1024);
      const sha = await store.put(bytes);
      expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await store.put(bytes)).toBe(sha);
      expect((await store.read(sha)).equals(bytes)).toBeTrue();
      const chunks: Buffer[] = [];
      for await (const chunk of store.open(sha)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBeTrue();
      expect(await store.stat(sha)).toEqual(
        jasmine.objectContaining({ sha256: sha, size: bytes.length }),
      );
      expect(await all()).toEqual([sha]);
    });

    it('adopts a file hashed elsewhere and removes it', async () => {
      const bytes = randomBytes(1000);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = join(scratch, `${randomUUID()}.part`);
      writeFileSync(file, bytes);
      await store.adopt(file, sha, bytes.length);
      expect(existsSync(file)).toBeFalse();
      expect((await store.read(sha)).equals(bytes)).toBeTrue();
    });

    it('deletes, answers null for a missing object and fails its stream', async () => {
      const sha = await store.put(randomBytes(10));
      await store.delete(sha);
      await store.delete(sha);
      expect(await store.stat(sha)).toBeNull();
      expect(await all()).toEqual([]);
      await expectAsync(store.read(sha)).toBeRejected();
    });
  });
}

let dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-store-'));
  dirs.push(dir);
  return dir;
};

contract('local folder', () => {
  const dir = tempDir();
  return { store: new AttachmentStore(join(dir, 'attachments')), scratch: dir };
});

describe('with an S3 server', () => {
  let s3: TestS3Server | undefined;
  beforeAll(async () => {
    s3 = await TestS3Server.start();
  }, 30_000);
  afterAll(async () => {
    await s3?.stop();
  }, 15_000);

  contract('S3 bucket', () => {
    if (!s3) throw new Error('S3 server not started');
    const settings = parseStorageSettings(s3.env(`kontrak-${randomUUID().slice(0, 8)}`));
    if (settings.driver !== 's3') throw new Error('not s3');
    return { store: new S3ObjectStore(settings), scratch: tempDir() };
  });
});
