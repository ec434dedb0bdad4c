import type { searchId } from './search.id';

/** English: ticket search in the queue. */
export const searchEn: Record<keyof typeof searchId, string> = {
  'search.matchedIn': 'Matched in: {where}',
  'search.source.number': 'number',
  'search.source.ticket': 'subject/description',
  'search.source.requester': 'requester',
  'search.source.message': 'message or note',
  'search.source.attachment': 'attachment name',
};
