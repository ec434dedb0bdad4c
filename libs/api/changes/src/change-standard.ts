import { CHANGE_NUMBER_MARKER, type ChangeApprover } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { triageStandard } from '@sigap/api-tickets';

/**
 * The standard a change runs on: no documents and no overall clock (its window is planned, not
 * a service time), and one step per approver, in order, owned by the approver's position with
 * the approver's time: each approval has its own clock, escalated up that position's chain
 * like any step's.
 */
export function changeStandard(
  office: string,
  approvers: readonly ChangeApprover[],
): ServiceStandard {
  return {
    ...triageStandard(office),
    name: 'Persetujuan perubahan',
    steps: approvers.map((a, i) => ({
      order: i + 1,
      description: 'Menyetujui atau menolak rencana perubahan',
      executors: [a.position],
      owner: a.position,
      time: a.time,
      inputs: [],
      output: 'Keputusan persetujuan',
      notes: null,
    })),
  };
}

/** Change numbers: `PRB` + the office's ticket prefix, cut to 12 characters. */
export function changePrefix(ticketPrefix: string): string {
  return `${CHANGE_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}

/** The approvers a change was opened with (as stored on its row). */
export function approversOf(json: string): ChangeApprover[] {
  try {
    const parsed = JSON.parse(json) as ChangeApprover[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
