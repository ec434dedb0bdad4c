import type { LiveEventKind } from '@sigap/contracts';
import type { SqlStatement } from '@sigap/api-database';
import type { TicketStepEntity } from '../ticket-step.entity';
import type { TicketEntity } from '../ticket.entity';

/** The longest `ticket_events.positions` holds. */
const POSITIONS_MAX = 1000;

/**
 * The position codes a ticket's steps name (their own and their executors'), as stored in
 * `ticket_events.positions`: `,A,B,` so one code is found by `,code,`. Codes that would not fit
 * are left out (those holders then learn of the change at their next reload).
 */
export function stepPositions(
  steps: readonly Pick<TicketStepEntity, 'positionCode' | 'executors'>[],
): string {
  const codes = new Set<string>();
  for (const s of steps) {
    codes.add(s.positionCode);
    for (const code of s.executors) codes.add(code);
  }
  let text = ',';
  for (const code of codes) {
    if (text.length + code.length + 1 > POSITIONS_MAX) break;
    text += `${code},`;
  }
  return text === ',' ? '' : text;
}

/** The insert of one live event, for the change's own transaction. */
export function ticketEventStatement(
  ticket: Pick<TicketEntity, 'number' | 'officeCode'>,
  steps: readonly Pick<TicketStepEntity, 'positionCode' | 'executors'>[],
  kind: LiveEventKind,
  version: number | null,
  at: Date,
): SqlStatement {
  return {
    sql: 'INSERT INTO ticket_events (ticket_number, office_code, positions, kind, version, at) VALUES (?, ?, ?, ?, ?, ?)',
    params: [ticket.number, ticket.officeCode, stepPositions(steps), kind, version, at.getTime()],
  };
}

/**
 * The live event of a change to a ticket known by its id only (news from outside appended to
 * its timeline): its number, office and version are read in the statement itself.
 */
export function ticketEventByIdStatement(ticketId: string, at: Date): SqlStatement {
  return {
    sql: "INSERT INTO ticket_events (ticket_number, office_code, positions, kind, version, at) SELECT number, office_code, '', 'changed', version, ? FROM tickets WHERE id = ?",
    params: [at.getTime(), ticketId],
  };
}
