import type { liveId } from './live.id';

/** English: live updates and presence in the queue and the workspace. */
export const liveEn: Record<keyof typeof liveId, string> = {
  'live.presence.label': 'Also viewing this ticket',
  'live.presence.viewing': 'viewing',
  'live.presence.typing': 'typing',
  'live.presence.typingWarn': '{name} is writing a reply or a note on this ticket.',
};
