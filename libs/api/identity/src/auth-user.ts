import type { ApiTokenScope, CurrentUser, Role } from '@sigap/contracts';

/** The signed-in user as guards and services see it. */
export interface AuthUser extends CurrentUser {
  /** Position codes held in the user's office. */
  positions: string[];
  /** Set when the caller is an API token, not a person: its id and what it may do. */
  apiToken?: { id: string; scopes: readonly ApiTokenScope[] };
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}
