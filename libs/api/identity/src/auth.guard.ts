import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiTokenScope, Role } from '@sigap/contracts';
import { ApiTokensService, isApiToken } from './api-tokens.service';
import { AuthService } from './auth.service';
import { hasRole, type AuthUser } from './auth-user';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY, TOKEN_SCOPE_KEY } from './decorators';
import { IdentityError } from './identity-error';

/**
 * Global guard: every route needs `Authorization: Bearer <token>` unless marked `@Public()`;
 * `@Roles(...)` further limits it to those roles. A bearer starting `sgp_` is an API token: it
 * passes only routes marked `@TokenScope` with a scope it holds (see `checkScope`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw IdentityError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (isApiToken(match[1])) {
      request.user = await this.apiTokens.authenticate(match[1]);
      this.checkScope(request.user, roles, targets);
    } else {
      request.user = await this.auth.authenticate(match[1]);
      request.accessToken = match[1];
    }
    if (roles?.length && !hasRole(request.user, ...roles)) {
      throw IdentityError.forbidden(`Hanya untuk peran: ${roles.join(', ')}.`);
    }
    return true;
  }

  /** An API token passes only routes naming one of its scopes, never administrators' routes. */
  private checkScope(
    user: AuthUser,
    roles: Role[] | undefined,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): void {
    const scope = this.reflector.getAllAndOverride<ApiTokenScope | undefined>(
      TOKEN_SCOPE_KEY,
      targets,
    );
    if (!scope || (roles?.length && roles.every((r) => r === 'admin'))) {
      throw IdentityError.forbidden('Token API tidak dapat dipakai untuk rute ini.');
    }
    if (!user.apiToken?.scopes.includes(scope)) {
      throw IdentityError.forbidden(`Token API ini tidak punya cakupan ${scope}.`);
    }
  }
}
