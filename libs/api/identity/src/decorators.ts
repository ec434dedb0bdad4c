import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiTokenScope, Role } from '@sigap/contracts';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export { Public, PUBLIC_KEY } from '@sigap/api-common';

export const ROLES_KEY = 'sigap:roles';

export const TOKEN_SCOPE_KEY = 'sigap:token-scope';

/**
 * The route accepts API tokens holding this scope. A route without it refuses every API token
 * (default deny), and so does an administrators' route whatever it declares.
 */
export const TokenScope = (scope: ApiTokenScope) => SetMetadata(TOKEN_SCOPE_KEY, scope);

/** The route needs one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
  /** The bearer token the user was authenticated by (for signing it out). */
  accessToken?: string;
}

/** Injects the signed-in user. */
export const SignedInUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('SignedInUser used on a public route');
  return user;
});
