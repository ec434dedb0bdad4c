import { COMPLAINT_ANSWER_TIME } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { triageStandard } from './triage-standard';

/**
 * The standard a complaint ticket runs on, whatever service it is about: no documents, no
 * procedure steps, and the answer time of complaints (5 working days from receipt), so that a
 * reopened complaint starts a new round with the same time.
 */
export function complaintStandard(office: string): ServiceStandard {
  return {
    ...triageStandard(office),
    name: 'Penanganan pengaduan',
    serviceTime: { text: COMPLAINT_ANSWER_TIME },
    clockStartsWhen: 'received',
  };
}
