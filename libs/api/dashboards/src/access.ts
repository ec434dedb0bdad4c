import { hasRole, type AuthUser } from '@sigap/api-identity';
import { DashboardError } from './dashboard-error';

/**
 * Who sees which figures:
 * - admin: any office (names it with `office`);
 * - manager and helpdesk agent: their own office, every table (agents assign the steps, so they
 *   read the load per position and holder as managers do);
 * - executor (no other role): their own steps only: step compliance and bottlenecks of the steps
 *   they completed, and the age, risk and load of the steps they hold now.
 */
export interface ResolvedScope {
  office: string;
  /** Set when the figures are one executor's own steps. */
  holderId: string | null;
  holderName: string | null;
  positions: string[];
}

export function resolveScope(user: AuthUser, requestedOffice: string | undefined): ResolvedScope {
  if (hasRole(user, 'admin')) {
    const office = requestedOffice ?? user.office;
    if (!office)
      throw DashboardError.field('office', 'pilih kantor (admin melihat kantor mana pun)');
    return { office, holderId: null, holderName: null, positions: [] };
  }
  if (!user.office) throw new DashboardError('dashboards.forbidden', 'Pengguna tanpa kantor.');
  if (requestedOffice && requestedOffice !== user.office)
    throw new DashboardError('dashboards.forbidden', 'Dasbor kantor lain tidak dapat dilihat.');
  if (hasRole(user, 'manager', 'agent'))
    return { office: user.office, holderId: null, holderName: null, positions: [] };
  if (hasRole(user, 'executor'))
    return {
      office: user.office,
      holderId: user.id,
      holderName: user.name,
      positions: user.positions ?? [],
    };
  throw new DashboardError('dashboards.forbidden', 'Peran ini tidak dapat melihat dasbor.');
}

/** Ticket-level tables (ticket compliance, first response) are not an executor's own figures. */
export function requireOfficeWide(scope: ResolvedScope, what: string): void {
  if (scope.holderId)
    throw new DashboardError(
      'dashboards.forbidden',
      `${what} hanya untuk manajer, agen helpdesk dan admin; pelaksana melihat langkahnya sendiri.`,
    );
}
