import type { ChecklistStatus, TicketStatus } from '@sigap/contracts';
import type { MessageKey } from '../i18n/id';

/** The requester's words for a ticket's status. */
export function statusKey(status: TicketStatus): MessageKey {
  return `portal.status.${status}` as MessageKey;
}

/** The requester's words for a checklist line's state. */
export function checkKey(status: ChecklistStatus): MessageKey {
  return `portal.check.${status}` as MessageKey;
}
