/**
 * Placeholders a canned response may contain. The console fills them from the ticket when the
 * agent inserts the response into the reply composer; the API refuses any other `{{name}}`.
 */
export const CANNED_PLACEHOLDERS = [
  'nomor',
  'nama_pemohon',
  'layanan',
  'subjek',
  'nama_agen',
  'batas_waktu',
] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

/** One canned response of an office (`GET /api/v1/canned-responses?office=bali`). */
export interface CannedResponseView {
  id: string;
  office: string;
  title: string;
  body: string;
  /** Placeholders the body uses, in order of first use. */
  placeholders: CannedPlaceholder[];
  updatedAt: string;
  updatedBy: string | null;
}

/** `POST /api/v1/canned-responses`; `PATCH /api/v1/canned-responses/{id}` takes title and body. */
export interface CannedResponseInput {
  office: string;
  title: string;
  body: string;
}
