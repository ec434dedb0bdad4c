import type { TicketDetail, TimelineEntryView } from '@sigap/contracts';
import type { MessageParams } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';

type Translate = (key: MessageKey, params?: MessageParams) => string;
type Data = Record<string, unknown>;

/** Event codes the API writes into a ticket's timeline, each with its sentence. */
export const EVENT_KEYS: Readonly<Record<string, MessageKey>> = {
  'ticket.opened': 'event.ticket.opened',
  'ticket.status_changed': 'event.ticket.status_changed',
  'ticket.assigned': 'event.ticket.assigned',
  'ticket.returned_to_requester': 'event.ticket.returned_to_requester',
  'ticket.requester_answered': 'event.ticket.requester_answered',
  'ticket.resolved': 'event.ticket.resolved',
  'ticket.closed': 'event.ticket.closed',
  'ticket.reopened': 'event.ticket.reopened',
  'ticket.cancelled': 'event.ticket.cancelled',
  'ticket.merged': 'event.ticket.merged',
  'ticket.merged_in': 'event.ticket.merged_in',
  'ticket.link_added': 'event.ticket.link_added',
  'ticket.link_removed': 'event.ticket.link_removed',
  'checklist.received': 'event.checklist.received',
  'checklist.verified': 'event.checklist.verified',
  'checklist.rejected': 'event.checklist.rejected',
  'checklist.completed': 'event.checklist.completed',
  'step.activated': 'event.step.activated',
  'step.completed': 'event.step.completed',
  'step.assigned': 'event.step.assigned',
  'sla.clock_started': 'event.sla.clock_started',
  'sla.at_risk': 'event.sla.at_risk',
  'sla.breached': 'event.sla.breached',
  'sla.step_at_risk': 'event.sla.step_at_risk',
  'sla.step_breached': 'event.sla.step_breached',
  'sla.recomputed': 'event.sla.recomputed',
  'mail.failed': 'event.mail.failed',
  'mail.skipped': 'event.mail.skipped',
  'mail.received': 'event.mail.received',
  'mail.third-party': 'event.mail.third-party',
  'mail.third-party-accepted': 'event.mail.third-party-accepted',
  'mail.third-party-dismissed': 'event.mail.third-party-dismissed',
  'incident.opened': 'event.incident.opened',
  'incident.priority_changed': 'event.incident.priority_changed',
  'incident.converted_from_triage': 'event.incident.converted_from_triage',
  'lapor.forwarded': 'event.lapor.forwarded',
  'lapor.update': 'event.lapor.update',
  'lapor.received': 'event.lapor.received',
  'lapor.withdrawn': 'event.lapor.withdrawn',
  'lapor.moved': 'event.lapor.moved',
  'lapor.closed_no_reply': 'event.lapor.closed_no_reply',
  'change.opened': 'event.change.opened',
  'change.decision': 'event.change.decision',
  'change.approved': 'event.change.approved',
  'change.status_changed': 'event.change.status_changed',
  'change.implemented': 'event.change.implemented',
  'change.reviewed': 'event.change.reviewed',
  'change.withdrawn': 'event.change.withdrawn',
  'change.incidents_linked': 'event.change.incidents_linked',
};

const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Step numbers an event names: `order`, `step`, `orders: [..]` or `steps: [{ order }]`. */
function stepOrders(data: Data): number[] {
  if (typeof data['order'] === 'number') return [data['order']];
  if (typeof data['step'] === 'number') return [data['step']];
  if (Array.isArray(data['orders']))
    return data['orders'].filter((o): o is number => typeof o === 'number');
  if (Array.isArray(data['steps']))
    return data['steps']
      .map((s) => (s as { order?: unknown })?.order)
      .filter((o): o is number => typeof o === 'number');
  return [];
}

/** Names of the people the ticket knows (step assignees), by id. */
function peopleOf(ticket: TicketDetail | null): Map<string, string> {
  const people = new Map<string, string>();
  for (const step of ticket?.steps ?? []) {
    if (step.assignee) people.set(step.assignee.id, step.assignee.name);
  }
  return people;
}

/**
 * A readable sentence for a system event of the timeline, in the console's language: which
 * requirement, which step, which status. Codes the console does not know yet are shown as is.
 */
export function describeEvent(
  entry: Pick<TimelineEntryView, 'event' | 'data'>,
  ticket: TicketDetail | null,
  t: Translate,
  serviceName: (code: string) => string = (code) => code,
): string {
  const code = entry.event ?? '';
  const key = EVENT_KEYS[code];
  if (!key) return code;
  const data: Data = entry.data ?? {};
  const orders = stepOrders(data);
  const people = peopleOf(ticket);
  const requirement = ticket?.checklist.find((c) => c.code === data['code']);
  const person = (id: unknown): string =>
    people.get(str(id)) ?? (id ? t('event.someone') : t('event.nobody'));
  const status = (value: unknown): string =>
    value ? t(`tickets.status.${str(value)}` as MessageKey) : '';
  const reason = str(data['reason'] ?? data['note']);
  const params: MessageParams = {
    steps: orders.join(', '),
    step: orders[0] ?? '',
    requirement: requirement?.text ?? str(data['code']),
    from: status(data['from']),
    to: code === 'ticket.status_changed' ? status(data['to']) : person(data['to']),
    duration: str(data['duration']),
    escalatedTo: str(data['escalatedTo']) || t('event.nobody'),
    service: data['service'] ? serviceName(str(data['service'])) : '',
    sender: str(data['from']) || t('event.nobody'),
    priority: str(data['priority']),
    fromPriority: str((data['from'] as Data | undefined)?.['priority']),
    toPriority: str((data['to'] as Data | undefined)?.['priority']),
    trackingId: str(data['trackingId']),
    laporStatus: str(data['status']),
    // The other ticket of a merge or a link.
    ticket:
      str(data['into'] ?? data['number']) || (code === 'ticket.merged_in' ? str(data['from']) : ''),
  };
  let text = t(key, params);
  if (code === 'step.completed' && data['auto'] === true) text += ` ${t('event.auto')}`;
  // Completed by someone other than the step's holder: say for whom.
  if (code === 'step.completed' && typeof data['onBehalfOf'] === 'string')
    text += ` ${t('staff.event.onBehalf', { name: person(data['onBehalfOf']) })}`;
  if (reason && code !== 'ticket.opened' && !code.startsWith('mail.third-party'))
    text += ` — ${reason}`;
  return text;
}
