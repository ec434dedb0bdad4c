import { INCIDENT_NUMBER_MARKER } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { triageStandard } from '@sigap/api-tickets';

/**
 * The standard an incident runs on: no documents, the priority's resolution time as the ticket's
 * time from receipt, and one step, handling the incident, owned by the affected service's owner
 * position with the same time: its clock escalates up that position's chain like any step's.
 * Without an affected service (not known yet) there is no step, and the helpdesk handles it.
 */
export function incidentStandard(
  office: string,
  resolutionTime: string,
  ownerPosition: string | null,
): ServiceStandard {
  return {
    ...triageStandard(office),
    name: 'Penanganan gangguan',
    serviceTime: { text: resolutionTime },
    clockStartsWhen: 'received',
    steps: ownerPosition
      ? [
          {
            order: 1,
            description: 'Menangani gangguan dan memulihkan layanan',
            executors: [ownerPosition],
            owner: ownerPosition,
            time: resolutionTime,
            inputs: [],
            output: 'Layanan pulih',
            notes: null,
          },
        ]
      : [],
  };
}

/** Incident numbers: `GNG` + the office's ticket prefix, cut to 12 characters. */
export function incidentPrefix(ticketPrefix: string): string {
  return `${INCIDENT_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}
