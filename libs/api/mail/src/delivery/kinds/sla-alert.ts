/**
 * The SLA alerts' shared builder: minutes left (at risk) or overdue (breached), counted in
 * working time, each worded for its actual audience (`audienceOf`): the assignee, the
 * supervisor, the holders of an unassigned step's position, or the helpdesk agents standing in.
 */
import { workingMinutesBetween } from '@sigap/sla';
import { UserEntity } from '@sigap/api-identity';
import { activeHolderIds, supervisorHolders } from '@sigap/api-tickets';
import { FIRST_RESPONSE_CLOCK } from '@sigap/api-tickets';
import type { TicketStepEntity } from '@sigap/api-tickets';
import type { ComposeRequest } from '../../mail.service';
import type { SlaAudience } from '../../templates/template-props';
import { OutboxPayloadError, type PrepareContext, type PreparedMail } from './kind';
import {
  loadTicket,
  names,
  staffSummary,
  stepOf,
  text,
  toStaff,
  users,
  type Payload,
  type TicketContext,
  type TicketPayload,
} from './ticket-mail';

/** What the sweep writes for a ticket alert (older rows lack `audience`; extras are ignored). */
export interface SlaAlertPayload extends TicketPayload {
  office?: string;
  /** User ids. */
  recipients: string[];
  dueAt: string | null;
  /** `ticket` or `first-response`. */
  clock?: string;
  /** The audience the sweep chose the recipients for (an `SlaAudience`). */
  audience?: string;
}

/** A step's alert: the ticket alert's fields and the step. */
export interface StepAlertPayload extends SlaAlertPayload {
  /** The step's order number. */
  step: number;
  position?: string;
  assigneeId?: string | null;
}

/** A late step's escalation to the position above. */
export interface StepEscalatedPayload extends StepAlertPayload {
  /** The position above (null: none, the helpdesk stands in). */
  escalatedTo?: string | null;
}

const SLA_AUDIENCES: readonly SlaAudience[] = ['assignee', 'supervisor', 'position', 'helpdesk'];

/**
 * Who an alert's recipients are, which sets its wording. The sweep records the audience it chose
 * the recipients for (`payload.audience`). Alerts queued before it did are worked out from the
 * ticket: the clock's assignee; for an escalation, the holders of the position above the step's;
 * for an unassigned step, its position's holders; anyone else stands in as the office's helpdesk
 * agents (no assignee, no holder, no supervisor).
 */
async function audienceOf(
  payload: Payload,
  t: TicketContext,
  step: TicketStepEntity | null,
  people: UserEntity[],
  escalation: boolean,
  ctx: PrepareContext,
): Promise<SlaAudience> {
  const recorded = payload['audience'];
  if (recorded !== undefined) {
    if (!SLA_AUDIENCES.includes(recorded as SlaAudience)) {
      throw new OutboxPayloadError(`payload.audience tidak dikenal: ${String(recorded)}`);
    }
    return recorded as SlaAudience;
  }
  const ids = people.map((u) => u.id);
  const within = (group: string[]) => group.length > 0 && ids.every((id) => group.includes(id));
  if (escalation && step) {
    const above = await supervisorHolders(ctx.manager, step.officeCode, step.positionCode);
    return within(above.userIds) ? 'supervisor' : 'helpdesk';
  }
  const responsibleId = step ? step.assigneeId : t.ticket.assigneeId;
  if (responsibleId && ids.length === 1 && ids[0] === responsibleId) return 'assignee';
  if (step && !step.assigneeId) {
    const holders = await activeHolderIds(ctx.manager, step.officeCode, step.positionCode);
    if (within(holders)) return 'position';
  }
  return 'helpdesk';
}

/** An SLA alert: minutes left (at risk) or overdue (breached), counted in working time. */
export function slaAlert(level: 'at-risk' | 'breached', withStep: boolean, escalation: boolean) {
  return async (payload: Payload, ctx: PrepareContext): Promise<PreparedMail> => {
    const t = await loadTicket(payload, ctx);
    const step = withStep ? await stepOf(t, payload, ctx) : null;
    const people = await users(payload['recipients'], ctx, 'recipients');
    const due = Date.parse(text(payload, 'dueAt'));
    if (!Number.isFinite(due)) throw new OutboxPayloadError('payload.dueAt tidak valid');
    const cal = (await ctx.calendar(t.ticket.officeCode)).calendar;
    const now = ctx.now().getTime();
    const remainingMinutes = now < due ? workingMinutesBetween(cal, now, due) : 0;
    const overdueMinutes = now > due ? workingMinutesBetween(cal, due, now) : 0;
    const audience = await audienceOf(payload, t, step?.step ?? null, people, escalation, ctx);
    const common = {
      recipientName: names(people),
      ticket: staffSummary(t, ctx),
      dueAt: new Date(due).toISOString(),
    };
    return toStaff(t, ctx, people, await alertMail());

    async function alertMail(): Promise<ComposeRequest['mail']> {
      if (!step && payload['clock'] === FIRST_RESPONSE_CLOCK) {
        // The first response is its own deadline: an answer to the requester, not the work.
        const first = {
          ...common,
          audience: audience === 'assignee' ? ('assignee' as const) : ('helpdesk' as const),
          requesterName: t.contact?.name ?? 'Pemohon',
          receivedAt: t.ticket.receivedAt.toISOString(),
        };
        return level === 'at-risk'
          ? { template: 'first-response-at-risk', props: { ...first, remainingMinutes } }
          : { template: 'first-response-breached', props: { ...first, overdueMinutes } };
      }
      const responsibleId = step ? step.step.assigneeId : t.ticket.assigneeId;
      const responsible = responsibleId
        ? await ctx.manager.findOne(UserEntity, {
            select: { id: true, name: true },
            where: { id: responsibleId },
          })
        : null;
      const base = {
        ...common,
        audience,
        step: step?.summary ?? null,
        assigneeName: responsible?.name ?? 'belum ditugaskan',
      };
      return level === 'at-risk'
        ? { template: 'sla-at-risk', props: { ...base, remainingMinutes } }
        : { template: 'sla-breached', props: { ...base, overdueMinutes } };
    }
  };
}
