/** Bahasa Indonesia: ticket search in the queue. */
export const searchId = {
  'search.matchedIn': 'Cocok di: {where}',
  'search.source.number': 'nomor',
  'search.source.ticket': 'perihal/uraian',
  'search.source.requester': 'pemohon',
  'search.source.message': 'pesan atau catatan',
  'search.source.attachment': 'nama lampiran',
};
