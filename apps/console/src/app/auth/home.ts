import type { Role } from '@sigap/contracts';

/**
 * The page a member of staff starts on, from their roles: agents work the queue, executors
 * their own steps (the queue opens on "mine" for them), managers and admins watch the SLA
 * dashboard. The catalog is reference material, never the start page.
 */
export function homeFor(roles: readonly Role[] | null | undefined): string {
  const has = (role: Role) => roles?.includes(role) ?? false;
  if (has('agent')) return '/tiket';
  if (has('manager') || has('admin')) return '/dasbor';
  return '/tiket';
}
