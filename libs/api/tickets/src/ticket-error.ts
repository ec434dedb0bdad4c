import { DomainError, FieldError } from '@sigap/api-common';

export type TicketErrorCode =
  | 'ticket.not_found'
  | 'ticket.forbidden'
  | 'ticket.invalid'
  | 'ticket.unknown_service'
  | 'ticket.service_retired'
  | 'ticket.office_retired'
  | 'ticket.illegal_transition'
  | 'ticket.stale_version'
  | 'ticket.version_required'
  | 'ticket.work_open'
  | 'ticket.checklist_item_not_found'
  | 'ticket.checklist_invalid'
  | 'ticket.step_not_found'
  | 'ticket.step_not_active'
  | 'ticket.assignee_invalid'
  | 'ticket.reopen_window_passed'
  | 'ticket.attachment_invalid'
  | 'ticket.cursor_invalid'
  | 'ticket.service_already_chosen'
  | 'ticket.not_triage'
  | 'ticket.merge_invalid'
  | 'ticket.link_invalid'
  | 'ticket.link_not_found';

const STATUS: Record<TicketErrorCode, number> = {
  'ticket.not_found': 404,
  'ticket.forbidden': 403,
  'ticket.invalid': 400,
  'ticket.unknown_service': 422,
  'ticket.service_retired': 422,
  'ticket.office_retired': 422,
  'ticket.illegal_transition': 409,
  'ticket.stale_version': 409,
  'ticket.version_required': 428,
  'ticket.work_open': 422,
  'ticket.checklist_item_not_found': 404,
  'ticket.checklist_invalid': 422,
  'ticket.step_not_found': 404,
  'ticket.step_not_active': 409,
  'ticket.assignee_invalid': 422,
  'ticket.reopen_window_passed': 409,
  'ticket.attachment_invalid': 422,
  'ticket.cursor_invalid': 400,
  'ticket.service_already_chosen': 409,
  'ticket.not_triage': 409,
  'ticket.merge_invalid': 422,
  'ticket.link_invalid': 422,
  'ticket.link_not_found': 404,
};

/** Ticket errors, each a stable code answered as problem+json. */
export class TicketError extends DomainError {
  constructor(code: TicketErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static notFound(number: string): TicketError {
    return new TicketError('ticket.not_found', `Tiket "${number}" tidak ditemukan.`);
  }
}
