import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@sigap/contracts';
import { AuthService } from './auth.service';
import { hasRole } from './auth-user';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './decorators';
import { IdentityError } from './identity-error';

/**
 * Global guard: every route needs `Authorization: Bearer <token>` unless marked `@Public()`;
 * `@Roles(...)` further limits it to those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw IdentityError.unauthenticated();
    request.user = await this.auth.authenticate(match[1]);
    request.accessToken = match[1];

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !hasRole(request.user, ...roles)) {
      throw IdentityError.forbidden(`Hanya untuk peran: ${roles.join(', ')}.`);
    }
    return true;
  }
}
