import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { catchError, concatMap, type Observable } from 'rxjs';
import { AppConfig } from '@sigap/api-config';
import { AttachmentError } from './attachment-error';

/**
 * The one uploaded file, as `IncomingFileStorage` hands it over: its bytes wait in a private
 * file under the attachment store (never held whole in memory), with their size and SHA-256
 * counted on the way in. The file is removed after the request unless the store adopted it.
 */
export interface UploadedFile {
  fieldname: string;
  /** The client's file name, read as UTF-8. */
  originalname: string;
  mimetype: string;
  size: number;
  sha256: string;
  path: string;
}

/** Folder (inside the attachment store, so adopting a file is a rename) for uploads in flight. */
export function incomingFolder(dataDir: string): string {
  return join(dataDir, 'attachments', '.incoming');
}

/** File name of an upload in flight (the orphan cleanup removes old ones left by a crash). */
export const INCOMING_FILE = /^[0-9a-f-]{36}\.part$/;

interface MulterFile {
  fieldname: string;
  stream: Readable;
  path?: string;
}
type StorageCallback = (error: Error | null, info?: Partial<UploadedFile>) => void;

/**
 * multer storage engine writing each file straight to disk while hashing and counting it. multer
 * ships only memory and plain disk storage; neither computes the checksum the content-addressed
 * store names files by, hence this small engine (multer's documented `_handleFile`/`_removeFile`).
 */
export class IncomingFileStorage {
  constructor(private readonly dir: string) {}

  _handleFile(_req: Request, file: MulterFile, callback: StorageCallback): void {
    const path = join(this.dir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    mkdir(this.dir, { recursive: true })
      .then(() =>
        pipeline(file.stream, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 })),
      )
      .then(
        () => callback(null, { path, size, sha256: hash.digest('hex') }),
        (error: Error) => {
          void unlink(path).catch(() => undefined);
          callback(error);
        },
      );
  }

  _removeFile(_req: Request, file: MulterFile, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    unlink(file.path).then(
      () => callback(null),
      () => callback(null),
    );
  }
}

/** Removes an upload's private file (gone already when the store adopted it). */
async function discard(file: UploadedFile | undefined): Promise<void> {
  if (file?.path) await unlink(file.path).catch(() => undefined);
}

interface MulterFactory {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; parts: number };
    defParamCharset: string;
  }): { single(field: string): RequestHandler };
}
// multer ships with @nestjs/platform-express but without type declarations.
const multer = require('multer') as MulterFactory;

/**
 * Reads a multipart upload (field `file`) to a private file with the configured size limit
 * (`SIGAP_ATTACHMENT_MAX_MB`): a larger file is a 413 and leaves nothing behind. File names are
 * read as UTF-8, as browsers send them (busboy's default, latin1, garbles every non-ASCII name).
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly handler: RequestHandler;

  constructor(private readonly config: AppConfig) {
    this.handler = multer({
      storage: new IncomingFileStorage(incomingFolder(config.dataDir)),
      limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 12 },
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { file?: UploadedFile }>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.handler(req, res, (error?: unknown) =>
        error ? reject(this.toError(error)) : resolve(),
      ),
    );
    // Whatever the handler did with it (stored it: the file has moved; refused it), it goes
    // before the answer does.
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await discard(req.file);
        return value;
      }),
      catchError(async (error: unknown) => {
        await discard(req.file);
        throw error;
      }),
    );
  }

  private toError(error: unknown): AttachmentError {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      const mb = Math.floor(this.config.attachmentMaxBytes / (1024 * 1024));
      return new AttachmentError(
        'attachment.too_large',
        `Berkas melebihi batas ukuran lampiran (${mb} MB).`,
        [{ path: 'file', message: `maksimal ${this.config.attachmentMaxBytes} byte` }],
      );
    }
    if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT')
      return new AttachmentError('attachment.invalid', 'Kirim tepat satu berkas di kolom "file".', [
        { path: 'file', message: 'satu berkas di kolom "file"' },
      ]);
    return new AttachmentError(
      'attachment.invalid',
      `Unggahan multipart tidak dapat dibaca: ${(error as Error).message ?? String(error)}`,
    );
  }
}
