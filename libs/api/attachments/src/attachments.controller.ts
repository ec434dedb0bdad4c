import {
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AttachmentView } from '@sigap/contracts';
import type { Request, Response } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor, type UploadedFile } from './upload.interceptor';
import { ApiAnswers, ApiAnswersFile, ApiUpload } from '@sigap/api-common';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('v1')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** Multipart upload, field `file`; answers 201 with the stored attachment. */
  @Post('tickets/:number/attachments')
  @UseInterceptors(UploadInterceptor)
  @ApiUpload()
  @ApiAnswers('AttachmentView')
  upload(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Req() req: Request & { file?: UploadedFile },
  ): Promise<AttachmentView> {
    return this.attachments.upload(user, number, req.file);
  }

  /** The ticket's files (404 for a ticket the user may not read). */
  @Get('tickets/:number/attachments')
  @ApiAnswers(['AttachmentView'])
  list(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<AttachmentView[]> {
    return this.attachments.list(user, number);
  }

  /** Always a download: never rendered inline, never content-sniffed by the browser. */
  @Get('attachments/:id')
  @ApiAnswersFile('application/octet-stream', {
    description: 'Berkas lampiran dengan jenis aslinya',
  })
  async download(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, stream } = await this.attachments.download(user, id);
    res.setHeader('Content-Type', row.mediaType);
    res.setHeader('Content-Length', String(row.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${asciiName(row.fileName)}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Digest', `sha-256=${Buffer.from(row.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(stream);
  }
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
