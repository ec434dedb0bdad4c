import type { TicketStatus } from '@sigap/contracts';

/** Everything that can move a ticket between states. */
export type TicketAction =
  | 'assign'
  | 'start-work'
  | 'return-to-requester'
  | 'requester-answered'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'choose-service'
  | 'merge';

export const TICKET_ACTIONS: readonly TicketAction[] = [
  'assign',
  'start-work',
  'return-to-requester',
  'requester-answered',
  'resolve',
  'close',
  'reopen',
  'cancel',
  'choose-service',
  'merge',
];

/**
 * The one transition table: for each state, the actions allowed and the state they lead to.
 * Anything not listed is an illegal jump (answered 409 `ticket.illegal_transition`).
 *
 * - `assign` (an agent takes or hands over the ticket): new/reopened become triaged; in other
 *   open states the ticket keeps its state.
 * - `start-work`: the first checklist or step action on a triaged/new/reopened ticket.
 * - `return-to-requester` pauses the clocks (waiting); `requester-answered` resumes them.
 * - `resolve` needs the work done (checked by the service); `close` freezes the SLA figures.
 * - `reopen`: a resolved ticket, or a closed one within the reopen window (checked by the
 *   service), goes back to work.
 * - `choose-service`: a ticket opened from e-mail without a service (triage) gets one while it
 *   is new or triaged; the state stays. Offered only while the ticket has no service.
 * - `merge`: an open duplicate goes into another open ticket of its office and OPD (checked by
 *   the merge service); `merged` is final, its clocks stopped.
 */
export const TRANSITIONS: Readonly<
  Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>>
> = {
  new: {
    assign: 'triaged',
    'choose-service': 'new',
    'start-work': 'in-progress',
    'return-to-requester': 'waiting',
    cancel: 'cancelled',
    merge: 'merged',
  },
  triaged: {
    assign: 'triaged',
    'choose-service': 'triaged',
    'start-work': 'in-progress',
    'return-to-requester': 'waiting',
    resolve: 'resolved',
    cancel: 'cancelled',
    merge: 'merged',
  },
  'in-progress': {
    assign: 'in-progress',
    'start-work': 'in-progress',
    'return-to-requester': 'waiting',
    resolve: 'resolved',
    cancel: 'cancelled',
    merge: 'merged',
  },
  waiting: {
    assign: 'waiting',
    'requester-answered': 'in-progress',
    cancel: 'cancelled',
    merge: 'merged',
  },
  resolved: {
    close: 'closed',
    reopen: 'reopened',
  },
  closed: {
    reopen: 'reopened',
  },
  reopened: {
    assign: 'triaged',
    'start-work': 'in-progress',
    'return-to-requester': 'waiting',
    resolve: 'resolved',
    cancel: 'cancelled',
    merge: 'merged',
  },
  cancelled: {},
  // Final: a merged duplicate continues under its target (see `TicketMergeService`).
  merged: {},
};

/** Kinds a ticket may be merged in (a complaint follows SP4N-LAPOR!, a change its approvals). */
export const MERGEABLE_KINDS: readonly string[] = ['request', 'incident'];

/** States in which the ticket is still being worked on (shown in the queue). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'triaged',
  'in-progress',
  'waiting',
  'reopened',
];

export function isOpenStatus(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The next state, or null when the table does not allow the action in this state. */
export function nextStatus(status: TicketStatus, action: TicketAction): TicketStatus | null {
  return TRANSITIONS[status]?.[action] ?? null;
}

/** The actions the table allows from a state (the console enables its buttons from these). */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}
