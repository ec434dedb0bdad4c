import type { TicketQuery } from './tickets.api';

/** The queue's views, in the order of the tabs. */
export type QueueView =
  'unassigned' | 'triage' | 'mine' | 'at-risk' | 'breached' | 'waiting' | 'complaints' | 'all';
export const QUEUE_VIEWS: readonly QueueView[] = [
  'unassigned',
  'triage',
  'mine',
  'at-risk',
  'breached',
  'waiting',
  'complaints',
  'all',
];

/** The view the queue opens with. */
export const DEFAULT_QUEUE_VIEW: QueueView = 'unassigned';

export function isQueueView(value: unknown): value is QueueView {
  return typeof value === 'string' && (QUEUE_VIEWS as readonly string[]).includes(value);
}

/**
 * The API filters of a view. "Belum ditugaskan" are the tickets nobody has taken yet: the API
 * has no "no assignee" filter, and taking a ticket moves it out of `new`/`reopened` (to
 * `triaged`), so those two states are the unassigned ones.
 */
export function viewQuery(view: QueueView, userId: string | null): TicketQuery {
  switch (view) {
    case 'unassigned':
      return { status: 'new,reopened' };
    case 'triage':
      // Opened from e-mail, still waiting for an agent to choose the service.
      return { open: 'true', triage: 'true' };
    case 'mine':
      if (!userId) throw new Error('The "mine" view needs the signed-in user id');
      return { open: 'true', assignee: userId };
    case 'at-risk':
      return { open: 'true', sla: 'at-risk' };
    case 'breached':
      return { open: 'true', sla: 'breached' };
    case 'waiting':
      return { status: 'waiting' };
    case 'complaints':
      // Pengaduan, saran and masukan still open (each must be answered within 5 working days).
      return { open: 'true', kind: 'complaint' };
    case 'all':
      return {};
  }
}
