import type { ServiceStandard } from '@sigap/standards';
import { allowedActions, MERGEABLE_KINDS, type TicketAction } from './state-machine';
import type { TicketEntity } from './ticket.entity';

/**
 * What a ticket without a service yet (opened from e-mail, waiting in triage) is worked under:
 * no documents, no steps and no total service time, so no ticket clock runs. Choosing the
 * service replaces it with that service version's standard and starts the clock from receipt.
 */
export function triageStandard(office: string): ServiceStandard {
  return {
    code: '',
    office,
    name: 'Belum ditentukan',
    kind: 'standar-pelayanan',
    decree: null,
    requirements: [],
    steps: [],
    serviceTime: { text: '' },
    clockStartsWhen: 'received',
    cost: { text: '', free: true },
    products: [],
    complaintChannels: [],
    internal: {
      legalBasis: [],
      facilities: [],
      competencies: [],
      supervision: [],
      staffCount: null,
      serviceGuarantee: null,
      securityGuarantee: null,
      performanceEvaluation: null,
    },
  };
}

/**
 * The actions offered on a ticket: the transition table's, where a ticket without a service
 * offers choosing one (and no work on steps it does not have yet), and one with a service never
 * offers choosing again.
 */
export function triageAwareActions(
  t: Pick<TicketEntity, 'status' | 'serviceId' | 'kind'>,
): TicketAction[] {
  const actions = allowedActions(t.status).filter(
    (a) => a !== 'merge' || MERGEABLE_KINDS.includes(t.kind ?? 'request'),
  );
  if (t.serviceId || (t.kind ?? 'request') !== 'request')
    return actions.filter((a) => a !== 'choose-service');
  return actions.filter((a) => a !== 'start-work' && a !== 'resolve');
}
