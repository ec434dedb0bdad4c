import { timingSafeEqual, createHash } from 'node:crypto';
import {
  Controller,
  Get,
  GoneException,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
  StreamableFile,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiBody, ApiConsumes } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Request, Response } from 'express';
import { AppConfig } from '@sigap/api-config';
import type { AuthUser } from '@sigap/api-identity';
import { Public, Roles, SignedInUser } from '@sigap/api-identity';
import type { InboundMessageEntity, InboundStatus } from './inbound-message.entity';
import { InboundMailService, type InboundResult } from './inbound-mail.service';
import { IsOptionalNotNull, ApiAnswers, ApiAnswersFile } from '@sigap/api-common';

/** Constant-time comparison of the presented token with the configured one. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && presented.length === expected.length;
}

/** Reads the raw body, refusing more than `limit` bytes (413) without buffering the excess. */
function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `Pesan lebih besar dari batas ${Math.round(limit / 1024 / 1024)} MB (SIGAP_INBOUND_MAX_MB).`,
  );
}

export class InboundListQuery {
  @IsOptionalNotNull()
  @IsIn(['quarantined', 'triage', 'released', 'discarded', 'processed', 'third-party', 'suspect'])
  status?: InboundStatus;
}

/** Inbound mail from the mail server (a pipe or a webhook) and its admin lists. */
@ApiTags('mail')
@Controller('v1/inbound')
export class InboundMailController {
  constructor(
    private readonly inbound: InboundMailService,
    private readonly config: AppConfig,
  ) {}

  /** Body: the raw RFC 822 message (`Content-Type: message/rfc822`). */
  @Public()
  @Post('mail')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiConsumes('message/rfc822')
  @ApiBody({ description: 'Pesan mentah (RFC 822)', schema: { type: 'string', format: 'binary' } })
  @ApiAnswers('InboundResultView', { errors: [401, 413, 415, 503] })
  async receive(@Req() req: Request): Promise<InboundResult> {
    const header = req.headers.authorization ?? '';
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    // No credentials at all: 401 like every protected endpoint, before saying anything else.
    if (!presented) throw new UnauthorizedException('Token penerimaan e-mail wajib dikirim.');
    const expected = this.config.inboundToken;
    if (!expected) {
      throw new ServiceUnavailableException(
        'Penerimaan e-mail belum dikonfigurasi (SIGAP_INBOUND_TOKEN belum diisi).',
      );
    }
    if (!tokenMatches(presented, expected)) {
      throw new UnauthorizedException('Token penerimaan e-mail tidak valid.');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'message/rfc822') {
      throw new UnsupportedMediaTypeException(
        `Content-Type harus message/rfc822, bukan "${type || 'kosong'}".`,
      );
    }
    const raw = await readBody(req, this.config.inboundMaxBytes);
    if (!raw.length) throw new UnsupportedMediaTypeException('Pesan kosong.');
    const to = req.headers['x-original-to'];
    const recipients = (Array.isArray(to) ? to : to ? [to] : []).map((a) => a.trim());
    return this.inbound.accept(raw, recipients);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('messages')
  @ApiAnswers(['InboundMessageView'])
  list(@Query() query: InboundListQuery): Promise<InboundMessageEntity[]> {
    return this.inbound.list(query.status ?? 'quarantined');
  }

  /**
   * The raw message exactly as received (RFC 822), from wherever it is stored: always a
   * download, never rendered by the browser.
   */
  @ApiBearerAuth()
  @Roles('admin')
  @Get('messages/:id/raw')
  @ApiAnswersFile('message/rfc822', { errors: [400, 410] })
  async raw(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const found = await this.inbound.openRaw(id);
    if (!found) throw new NotFoundException(`Pesan masuk ${id} tidak ditemukan.`);
    if (found === 'gone') {
      throw new GoneException(
        `Pesan mentah ${id} sudah dihapus oleh retensi (SIGAP_INBOUND_RETENTION_DAYS).`,
      );
    }
    res.setHeader('Content-Type', 'message/rfc822');
    res.setHeader('Content-Length', String(found.size));
    res.setHeader('Content-Disposition', `attachment; filename="${found.row.id}.eml"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Digest', `sha-256=${Buffer.from(found.row.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(found.stream);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('messages/:id/release')
  @HttpCode(200)
  @ApiAnswers('InboundMessageView', { errors: [400, 409] })
  release(
    @SignedInUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InboundMessageEntity> {
    return this.decide(id, 'release', user);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('messages/:id/discard')
  @HttpCode(200)
  @ApiAnswers('InboundMessageView', { errors: [400, 409] })
  discard(
    @SignedInUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InboundMessageEntity> {
    return this.decide(id, 'discard', user);
  }

  private async decide(
    id: string,
    decision: 'release' | 'discard',
    user: AuthUser,
  ): Promise<InboundMessageEntity> {
    const row = await this.inbound.decide(id, decision, user.id);
    if (!row) throw new NotFoundException(`Pesan karantina ${id} tidak ditemukan.`);
    return row;
  }
}
