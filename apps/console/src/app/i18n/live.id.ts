/** Bahasa Indonesia: live updates and presence in the queue and the workspace. */
export const liveId = {
  'live.presence.label': 'Juga membuka tiket ini',
  'live.presence.viewing': 'sedang melihat',
  'live.presence.typing': 'sedang mengetik',
  'live.presence.typingWarn': '{name} sedang menulis balasan atau catatan untuk tiket ini.',
} as const;
