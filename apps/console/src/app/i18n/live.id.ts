/** Bahasa Indonesia: live updates and presence in the queue and the workspace. */
export const liveId = {
  'live.presence.label': 'Juga membuka tiket ini',
  'live.presence.viewing': 'sedang melihat',
  'live.presence.typing': 'sedang mengetik',
  'live.presence.typingWarn': '{name} sedang menulis balasan atau catatan untuk tiket ini.',
  'live.updated': 'Tiket ini baru saja diubah {who}; tampilan sudah diperbarui.',
  'live.someone': 'orang lain',
  'live.offline': 'Pembaruan langsung terputus; menyambung ulang…',
} as const;
