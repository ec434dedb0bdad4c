import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { StorageSettings } from '@sigap/api-config';
import { addressOf, SHA256_HEX, type ObjectStore, type StoredObject } from './object-store';

export type S3Settings = Extract<StorageSettings, { driver: 's3' }>;

/**
 * Stored files in an S3-compatible bucket: attachments under `<prefix>/ab/cd/<sha256>`, inbound
 * mail under `<prefix>/mail/inbound/ab/cd/<sha256>` (see `StoredArea`). Uploads are
 * still received, hashed and sniffed in a local file first (`IncomingFileStorage`), then sent
 * here under their content address; downloads stream from the bucket.
 */
export class S3ObjectStore implements ObjectStore {
  readonly driver = 's3';
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  /**
   * `area` places the objects below a folder of the prefix (`mail/inbound`: raw inbound mail),
   * `<prefix>/<area>/ab/cd/<sha256>`; none is the attachments' own place. Stores of one
   * installation share one `client` (and its connections).
   */
  constructor(settings: S3Settings, area = '', client?: S3Client) {
    this.bucket = settings.bucket;
    this.prefix = [settings.prefix, area]
      .filter(Boolean)
      .map((p) => `${p}/`)
      .join('');
    this.client = client ?? S3ObjectStore.client(settings);
  }

  /** A client for the bucket's server, as the settings describe it. */
  static client(settings: S3Settings): S3Client {
    return new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      ...(settings.accessKeyId && settings.secretAccessKey
        ? {
            credentials: {
              accessKeyId: settings.accessKeyId,
              secretAccessKey: settings.secretAccessKey,
            },
          }
        : {}),
      // Plain signed bodies rather than the SDK's default streamed trailing checksums, which
      // many self-hosted S3 servers do not accept; the content address is checked by us anyway.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string): string {
    return this.prefix + addressOf(sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.upload(sha256, bytes, bytes.length);
    return sha256;
  }

  async adopt(file: string, sha256: string, size: number): Promise<void> {
    await this.upload(sha256, createReadStream(file), size);
    await unlink(file).catch(() => undefined);
  }

  /**
   * Writes the object even when the same bytes are stored already: overwriting identical content
   * is harmless and renews LastModified on every S3-compatible server (a copy onto itself does not
   * on all of them), which is what the orphan cleanup ages objects by.
   */
  async upload(sha256: string, body: Buffer | Readable, size: number): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(sha256),
        Body: body,
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  open(sha256: string): Readable {
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }))
      .then((answer) => {
        const body = answer.Body;
        if (!(body instanceof Readable)) throw new Error('jawaban S3 tanpa isi');
        body.once('error', (error) => out.destroy(error));
        body.pipe(out);
      })
      .catch((error: Error) => out.destroy(error));
    return out;
  }

  async read(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.open(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stat(sha256: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }),
      );
      return {
        sha256,
        size: head.ContentLength ?? 0,
        modifiedMs: head.LastModified?.getTime() ?? 0,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix,
          ContinuationToken: token,
        }),
      );
      for (const item of page.Contents ?? []) {
        const key = item.Key ?? '';
        const sha256 = key.slice(key.lastIndexOf('/') + 1);
        // Only objects where the store itself puts them.
        if (!SHA256_HEX.test(sha256) || key !== this.key(sha256)) continue;
        yield { sha256, size: item.Size ?? 0, modifiedMs: item.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NotFound' ||
      error.name === 'NoSuchKey' ||
      error.$metadata.httpStatusCode === 404)
  );
}
