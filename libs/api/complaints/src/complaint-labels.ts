import type { ComplaintCategory } from '@sigap/contracts';

/** Working days within which a complaint is answered (SP4N-LAPOR!; DOMAIN.md). */
export const COMPLAINT_ANSWER_WORKING_DAYS = 5;

/** The categories' names in mail, per language (`enLower` inside an English sentence). */
export const COMPLAINT_CATEGORY_LABELS: Record<
  ComplaintCategory,
  { id: string; en: string; enLower: string }
> = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint', enLower: 'complaint' },
  saran: { id: 'Saran', en: 'Suggestion', enLower: 'suggestion' },
  masukan: { id: 'Masukan', en: 'Feedback', enLower: 'feedback' },
};
