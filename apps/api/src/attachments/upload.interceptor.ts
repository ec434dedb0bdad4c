import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import type { Observable } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { AttachmentError } from './attachment-error';

/** The one uploaded file as multer's memory storage hands it over. */
export interface UploadedBytes {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

interface MulterFactory {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; parts: number };
  }): { single(field: string): RequestHandler };
  memoryStorage(): unknown;
}
// multer ships with @nestjs/platform-express but without type declarations.
const multer = require('multer') as MulterFactory;

/**
 * Reads a multipart upload (field `file`) into memory with the configured size limit
 * (`SIGAP_ATTACHMENT_MAX_MB`): a larger file is a 413 before anything is stored.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly handler: RequestHandler;

  constructor(private readonly config: AppConfig) {
    this.handler = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.handler(req, res, (error?: unknown) =>
        error ? reject(this.toError(error)) : resolve(),
      ),
    );
    return next.handle();
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
