import type { TicketQuery } from './tickets.api';

/** The queue's views, in the order of the tabs. */
export type QueueView = 'unassigned' | 'mine' | 'at-risk' | 'breached' | 'waiting' | 'all';
export const QUEUE_VIEWS: readonly QueueView[] = [
  'unassigned',
  'mine',
  'at-risk',
  'breached',
  'waiting',
  'all',
];

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
    case 'mine':
      if (!userId) throw new Error('The "mine" view needs the signed-in user id');
      return { open: 'true', assignee: userId };
    case 'at-risk':
      return { open: 'true', sla: 'at-risk' };
    case 'breached':
      return { open: 'true', sla: 'breached' };
    case 'waiting':
      return { status: 'waiting' };
    case 'all':
      return {};
  }
}
