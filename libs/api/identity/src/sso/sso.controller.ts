import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAnswers, ApiAnswersRedirect } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import type { AuthMethods, LoginResponse } from '@sigap/contracts';
import type { Request, Response } from 'express';
import { Public } from '../decorators';
import { IdentityError } from '../identity-error';
import { LdapService } from './ldap.service';
import { OIDC_COOKIE, OIDC_PATH, OidcService } from './oidc.service';
import { LdapLoginDto, SsoExchangeDto } from './sso.dto';
import { SsoUsersService } from './sso-users.service';
import { ssoErrorPage } from './sso-error-page';

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Single sign-on: OpenID Connect, LDAP, and the sign-in methods the console offers. */
@ApiTags('auth')
@Controller('v1/auth')
export class SsoController {
  constructor(
    private readonly config: AppConfig,
    private readonly oidc: OidcService,
    private readonly ldap: LdapService,
    private readonly users: SsoUsersService,
  ) {}

  /** Which sign-in methods the login page shows. */
  @Public()
  @Get('methods')
  @ApiAnswers('AuthMethods', { errors: [500] })
  methods(): AuthMethods {
    const sso = this.config.sso;
    return {
      local: sso.localLogin,
      oidc: sso.oidc ? { loginUrl: `${OIDC_PATH}/login` } : null,
      ldap: sso.ldap !== null,
    };
  }

  /** Starts an OpenID Connect sign-in: redirects the browser to the identity provider. */
  @Public()
  @Get('oidc/login')
  @ApiAnswersRedirect('Alamat otorisasi penyedia identitas (dengan state, nonce dan PKCE)', {
    description:
      'Ke penyedia identitas, dengan cookie httpOnly berumur pendek untuk callback. Galat: halaman HTML untuk peramban, problem+json untuk klien API.',
    errors: [404, 503],
  })
  async oidcLogin(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { url, cookie } = await this.oidc.start();
      res.cookie(OIDC_COOKIE, cookie, this.cookieOptions(10 * 60_000));
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(302, url);
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  /**
   * Where the identity provider sends the browser back. On success the browser goes to the
   * console's login page with a one-time code (`/masuk?sso=…`) that the console exchanges for
   * a session; on failure a page (or problem+json) says why.
   */
  @Public()
  @Get('oidc/callback')
  @ApiAnswersRedirect('`<SIGAP_PUBLIC_URL>/masuk?sso=<kode sekali pakai>`', {
    description:
      'Ke halaman masuk konsol dengan kode sekali pakai untuk `POST /api/v1/auth/sso/exchange`. Galat: halaman HTML untuk peramban, problem+json untuk klien API.',
    errors: [403, 404, 409, 503],
  })
  async oidcCallback(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    res.clearCookie(OIDC_COOKIE, this.cookieOptions());
    res.setHeader('Cache-Control', 'no-store');
    try {
      const user = await this.oidc.finish(query, readCookie(req, OIDC_COOKIE));
      const code = await this.users.createHandoff(user);
      res.redirect(302, `${this.config.publicUrl}/masuk?sso=${code}`);
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  /** Exchanges the callback's one-time code for a session (once, within a minute). */
  @Public()
  @Post('sso/exchange')
  @HttpCode(200)
  @ApiAnswers('LoginResponse')
  exchange(@Body() body: SsoExchangeDto): Promise<LoginResponse> {
    return this.users.exchangeHandoff(body.code);
  }

  /** Signs in with a directory (LDAP / Active Directory) user name and password. */
  @Public()
  @Post('ldap/login')
  @HttpCode(200)
  @ApiAnswers('LoginResponse', { errors: [401, 403, 404, 409, 429, 503] })
  ldapLogin(@Body() body: LdapLoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.ldap.login(body.username, body.password, req.ip ?? req.socket.remoteAddress ?? '?');
  }

  private cookieOptions(maxAge?: number) {
    return {
      httpOnly: true,
      // Lax: the cookie comes back on the provider's top-level redirect, not on other sites' requests.
      sameSite: 'lax' as const,
      secure: this.config.publicUrl.startsWith('https:'),
      path: OIDC_PATH,
      ...(maxAge ? { maxAge } : {}),
    };
  }

  /** A browser gets a page in plain words; an API client (Accept: JSON) gets problem+json. */
  private refuse(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof IdentityError)) throw error;
    if (req.accepts(['html', 'json', 'application/problem+json']) !== 'html') throw error;
    res
      .status(error.status)
      .type('html')
      .send(ssoErrorPage(error.message, `${this.config.publicUrl}/masuk`));
  }
}
