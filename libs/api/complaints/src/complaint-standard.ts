import { COMPLAINT_ANSWER_TIME } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { triageStandard } from '@sigap/api-tickets';

/**
 * The standard a complaint ticket runs on, whatever service it is about: no documents, no
 * procedure steps, and the answer time of its tier in working days from receipt (SP4N-LAPOR!'s
 * 5 unless the office's own tier says otherwise), so that a reopened complaint starts a new round
 * with the same time.
 */
export function complaintStandard(
  office: string,
  workingDays: number | null = null,
): ServiceStandard {
  return {
    ...triageStandard(office),
    name: 'Penanganan pengaduan',
    serviceTime: { text: workingDays === null ? COMPLAINT_ANSWER_TIME : `${workingDays} Hari` },
    clockStartsWhen: 'received',
  };
}
