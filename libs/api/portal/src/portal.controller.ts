import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PORTAL_CSRF_COOKIE,
  PORTAL_SESSION_COOKIE,
  type PortalLinkResponse,
  type PortalMe,
  type PortalRequestDetail,
  type PortalRequestSummary,
  type PortalServiceView,
  type PortalTrackingView,
} from '@sigap/contracts';
import type { Request, Response } from 'express';
import { UploadInterceptor, type UploadedFile } from '@sigap/api-attachments';
import { Public } from '@sigap/api-identity';
import { readCookie } from './cookies';
import { AppConfig } from '@sigap/api-config';
import {
  linkSentMessage,
  PortalAuthService,
  sessionTtlMs,
  type PortalPrincipal,
} from './portal-auth.service';
import { PortalAnswerDto, PortalLinkDto, PortalOpenDto, PortalSignInDto } from './portal.dto';
import { PortalAnonymous, PortalSessionGuard, PortalUser } from './portal-session.guard';
import { PortalService } from './portal.service';
import { ApiAnswers, ApiAnswersFile, ApiUpload } from '@sigap/api-common';

const SESSION_PATH = '/api/v1/portal';

function setCookies(
  req: Request,
  res: Response,
  session: string,
  csrf: string,
  maxAge: number,
): void {
  const base = { secure: req.secure, sameSite: 'lax' as const, maxAge };
  res.cookie(PORTAL_SESSION_COOKIE, session, { ...base, httpOnly: true, path: SESSION_PATH });
  // Readable by the page (it repeats the value in the CSRF header); worthless without the session.
  res.cookie(PORTAL_CSRF_COOKIE, csrf, { ...base, httpOnly: false, path: '/' });
}

function clearCookies(req: Request, res: Response): void {
  const base = { secure: req.secure, sameSite: 'lax' as const };
  res.clearCookie(PORTAL_SESSION_COOKIE, { ...base, httpOnly: true, path: SESSION_PATH });
  res.clearCookie(PORTAL_CSRF_COOKIE, { ...base, path: '/' });
}

/**
 * The requester portal. Outside the agents' bearer-token scheme (`@Public` for the global
 * guard); the portal's own guard asks for the session cookie and, on changes, the CSRF header.
 */
@ApiTags('portal')
@ApiCookieAuth(PORTAL_SESSION_COOKIE)
@Public()
@UseGuards(PortalSessionGuard)
@Controller('v1/portal')
export class PortalController {
  constructor(
    private readonly auth: PortalAuthService,
    private readonly portal: PortalService,
    private readonly config: AppConfig,
  ) {}

  /** Always 202 with the same text, known address or not. */
  @Post('auth/link')
  @PortalAnonymous()
  @HttpCode(202)
  @ApiAnswers('PortalLinkResponse', { errors: [429] })
  async requestLink(@Req() req: Request, @Body() body: PortalLinkDto): Promise<PortalLinkResponse> {
    await this.auth.requestLink(body.email, req.ip ?? '');
    return { message: linkSentMessage(this.config) };
  }

  /** Spends the e-mailed token and opens a session (cookies). */
  @Post('auth/session')
  @PortalAnonymous()
  @HttpCode(200)
  @ApiAnswers('PortalMe', { errors: [401] })
  async signIn(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: PortalSignInDto,
  ): Promise<PortalMe> {
    const { sessionToken, csrfToken, me } = await this.auth.signIn(body.token);
    setCookies(req, res, sessionToken, csrfToken, sessionTtlMs(this.config));
    res.setHeader('Cache-Control', 'no-store');
    return me;
  }

  @Get('me')
  @ApiAnswers('PortalMe', { errors: [401] })
  me(@Req() req: Request, @PortalUser() p: PortalPrincipal): Promise<PortalMe> {
    return this.auth.me(p, readCookie(req.headers.cookie, PORTAL_CSRF_COOKIE) ?? '');
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiAnswers(null, { errors: [401] })
  async signOut(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @PortalUser() p: PortalPrincipal,
  ): Promise<void> {
    await this.auth.signOut(p);
    clearCookies(req, res);
  }

  @Get('services')
  @ApiAnswers(['PortalServiceView'], { errors: [401] })
  services(@PortalUser() p: PortalPrincipal): Promise<PortalServiceView[]> {
    return this.portal.services(p);
  }

  @Get('requests')
  @ApiAnswers(['PortalRequestSummary'], { errors: [401] })
  list(@PortalUser() p: PortalPrincipal): Promise<PortalRequestSummary[]> {
    return this.portal.list(p);
  }

  @Post('requests')
  @ApiAnswers('PortalRequestDetail', { errors: [401] })
  open(
    @PortalUser() p: PortalPrincipal,
    @Body() body: PortalOpenDto,
  ): Promise<PortalRequestDetail> {
    return this.portal.open(p, body);
  }

  @Get('requests/:number')
  @ApiAnswers('PortalRequestDetail', { errors: [401] })
  detail(
    @PortalUser() p: PortalPrincipal,
    @Param('number') number: string,
  ): Promise<PortalRequestDetail> {
    return this.portal.detail(p, number);
  }

  /** Multipart: `file`, and `item` (a checklist line's code) for a required document. */
  @Post('requests/:number/attachments')
  @UseInterceptors(UploadInterceptor)
  @ApiUpload({ item: { description: 'Kode baris daftar periksa, untuk dokumen persyaratan' } })
  @ApiAnswers('PortalRequestDetail', { errors: [401, 409, 429] })
  upload(
    @PortalUser() p: PortalPrincipal,
    @Param('number') number: string,
    @Req() req: Request & { file?: UploadedFile },
  ): Promise<PortalRequestDetail> {
    const fields = (req.body ?? {}) as Record<string, unknown>;
    return this.portal.upload(p, number, fields['item'], req.file);
  }

  @Post('requests/:number/answers')
  @ApiAnswers('PortalRequestDetail', { errors: [401, 409] })
  answer(
    @PortalUser() p: PortalPrincipal,
    @Param('number') number: string,
    @Body() body: PortalAnswerDto,
  ): Promise<PortalRequestDetail> {
    return this.portal.answer(p, number, body);
  }

  /** Always a download, never rendered by the browser. */
  @Get('requests/:number/attachments/:id')
  @ApiAnswersFile('application/octet-stream', {
    description: 'Berkas lampiran dengan jenis aslinya',
  })
  async download(
    @PortalUser() p: PortalPrincipal,
    @Param('number') number: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, stream } = await this.portal.file(p, number, id);
    const ascii = row.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.setHeader('Content-Type', row.mediaType);
    res.setHeader('Content-Length', String(row.size));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream);
  }

  /** The public tracking page's data (the token from the acknowledgement e-mail). */
  @Get('track/:token')
  @PortalAnonymous()
  @ApiAnswers('PortalTrackingView')
  track(
    @Param('token') token: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PortalTrackingView> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    return this.portal.track(token);
  }
}
