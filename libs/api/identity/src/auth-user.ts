import type { CurrentUser, Role } from '@sigap/contracts';

/** The signed-in user as guards and services see it. */
export interface AuthUser extends CurrentUser {
  /** Position codes held in the user's office. */
  positions: string[];
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}
