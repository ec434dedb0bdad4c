import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PORTAL_CSRF_COOKIE, PORTAL_CSRF_HEADER, PORTAL_SESSION_COOKIE } from '@sigap/contracts';
import type { Request } from 'express';
import { readCookie } from './cookies';
import {
  PortalAuthService,
  sameHash,
  sha256Hex,
  type PortalPrincipal,
} from './portal-auth.service';
import { PortalError } from './portal-error';

export interface PortalRequest extends Request {
  portal?: PortalPrincipal;
}

const ANONYMOUS_KEY = 'sigap:portal-anonymous';

/** The portal route needs no session (asking for a link, signing in, tracking). */
export const PortalAnonymous = () => SetMetadata(ANONYMOUS_KEY, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Portal routes: a session cookie (not the agents' bearer token) and, on every state-changing
 * request, the CSRF token twice: in its cookie and in the `X-Sigap-Portal-Csrf` header, matching
 * the hash kept with the session (a page of another site can send the cookie, never the header).
 */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: PortalAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(ANONYMOUS_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<PortalRequest>();
    const principal = await this.auth.authenticate(
      readCookie(req.headers.cookie, PORTAL_SESSION_COOKIE),
    );
    if (!principal)
      throw new PortalError('portal.unauthenticated', 'Sesi portal tidak ada atau sudah berakhir.');
    if (!SAFE_METHODS.has(req.method.toUpperCase())) {
      const header = req.header(PORTAL_CSRF_HEADER) ?? '';
      const cookie = readCookie(req.headers.cookie, PORTAL_CSRF_COOKIE) ?? '';
      if (!header || header !== cookie || !sameHash(sha256Hex(header), principal.csrfHash)) {
        throw new PortalError(
          'portal.csrf',
          'Permintaan ditolak: token CSRF portal tidak ada atau tidak cocok. Muat ulang halaman.',
        );
      }
    }
    req.portal = principal;
    return true;
  }
}

/** Injects the signed-in portal requester. */
export const PortalUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const principal = ctx.switchToHttp().getRequest<PortalRequest>().portal;
  if (!principal) throw new Error('PortalUser used on an anonymous portal route');
  return principal;
});
