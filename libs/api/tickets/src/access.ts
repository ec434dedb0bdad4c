import { AuthUser, hasRole } from '@sigap/api-identity';
import { TicketError } from './ticket-error';
import type { TicketStepEntity } from './ticket-step.entity';
import type { TicketEntity } from './ticket.entity';

/**
 * Who may see and act on a ticket:
 * - admin: everything;
 * - agent: every ticket of their office (read and act);
 * - manager: read every ticket of their office; act on steps of positions they hold;
 * - executor: tickets with a step on one of their positions (read, notes, their steps);
 * - requester contact (the portal, later): only tickets of their own OPD (`requesterCanRead`).
 */
export type TicketAccess = 'none' | 'read' | 'steps' | 'full';

export function ticketAccess(
  user: AuthUser,
  ticket: Pick<TicketEntity, 'officeCode'>,
  steps: readonly Pick<TicketStepEntity, 'positionCode' | 'executors'>[],
): TicketAccess {
  if (hasRole(user, 'admin')) return 'full';
  if (user.office !== ticket.officeCode) return 'none';
  if (hasRole(user, 'agent')) return 'full';
  const holdsStep = steps.some(
    (s) =>
      user.positions.includes(s.positionCode) ||
      s.executors.some((code) => user.positions.includes(code)),
  );
  if (holdsStep) return 'steps';
  if (hasRole(user, 'manager')) return 'read';
  return 'none';
}

/** May the user act on this step (complete it, record output)? */
export function canWorkStep(
  user: AuthUser,
  access: TicketAccess,
  step: Pick<TicketStepEntity, 'positionCode' | 'assigneeId' | 'requesterSide'>,
): boolean {
  if (access === 'full') return true;
  if (access !== 'steps' || step.requesterSide) return false;
  return step.assigneeId === user.id || user.positions.includes(step.positionCode);
}

/** A requester contact of an OPD reads only that OPD's tickets. */
export function requesterCanRead(
  requester: { opdId: string | null; contactId: string },
  ticket: Pick<TicketEntity, 'opdId' | 'requesterContactId'>,
): boolean {
  if (requester.opdId) return ticket.opdId === requester.opdId;
  return ticket.requesterContactId === requester.contactId;
}

/** 404 for a ticket the user may not see; 403 when they may see it but not do this. */
export function assertAccess(
  access: TicketAccess,
  need: 'full' | 'steps' | 'read',
  number: string,
): void {
  if (access === 'none') throw TicketError.notFound(number);
  const rank = { none: 0, read: 1, steps: 2, full: 3 } as const;
  if (rank[access] < rank[need])
    throw new TicketError('ticket.forbidden', `Anda hanya boleh membaca tiket ${number}.`);
}
