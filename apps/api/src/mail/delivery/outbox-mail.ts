/**
 * Turns an outbox row into a mail request: one function per row kind, each naming the template
 * it renders. A kind listed nowhere, or a payload that cannot make a message, throws
 * `OutboxPayloadError`: a permanent failure with the reason, never a silent skip.
 *
 * Kinds and payloads (all ticket kinds carry `ticket`, the ticket number):
 * - `password-reset` {email, name, token, expiresAt, locale} → password-reset
 * - `ticket.received` {ticket} → ticket-received, to the requester (automatic), with the link to
 *   the ticket's tracking page; for a ticket of kind `complaint`, complaint-received instead
 * - `portal.sign-in-link` {email, name, office, token, expiresAt} → portal-sign-in (token erased
 *   after sending)
 * - `ticket.returned-to-requester` {ticket, reason} → documents-incomplete, to the requester
 *   (automatic): the rejected documents with their reasons, else the missing ones
 * - `ticket.resolved` {ticket, note?} → ticket-resolved, to the requester (automatic)
 * - `survey.invitation` {ticket, invitation, expiresAt} → survey-invitation, to the requester;
 *   the signed link is made at sending from the invitation id (the row holds no usable link)
 * - `ticket.reply` {ticket, body, agentName?, attachmentIds?} → agent-reply, to the requester
 *   (written by a person), carrying the reply's files read from the attachment store at sending
 *   (checked against their SHA-256; a missing or altered file is a permanent failure)
 * - `ticket.step-assigned` {ticket, step, assigneeId} → step-assigned, to the assignee
 * - `ticket.sla-at-risk`, `ticket.sla-breached` {ticket, recipients, dueAt, clock?} → sla-at-risk /
 *   sla-breached about the ticket clock; with `clock: 'first-response'`, first-response-at-risk /
 *   first-response-breached (the requester still waits for an answer)
 * - `ticket.step-sla-at-risk` {ticket, step, recipients, dueAt} → sla-at-risk about the step
 * - `ticket.step-escalated` {ticket, step, recipients, assigneeId, dueAt} → sla-breached to the
 *   holders of the position above
 * Each alert is worded for its actual audience (`audienceOf`): the assignee, the supervisor, the
 * holders of an unassigned step's position, or the helpdesk agents standing in.
 * - `ticket.requester-replied` {ticket, recipients, from, body, effect?, attachments?} →
 *   requester-replied to the assignees: what the reply did and the requester's words
 */
import { readDuration, type Duration } from '@sigap/standards';
import { workingMinutesBetween } from '@sigap/sla';
import { In, type EntityManager } from 'typeorm';
import { AttachmentStore } from '../../attachments/attachment-store';
import { AttachmentEntity } from '../../attachments/attachment.entity';
import { attachmentStoreFor } from '../../attachments/storage';
import type { OfficeCalendar } from '../../calendars/calendar-provider';
import { CatalogServiceEntity } from '../../catalog/catalog-service.entity';
import type { AppConfig } from '../../config/app-config';
import { UserEntity } from '../../identity/user.entity';
import { OfficeEntity } from '../../offices/office.entity';
import { trackingUrl } from '../../portal/tracking-token';
import { ComplaintEntity } from '../../complaints/complaint.entity';
import {
  COMPLAINT_ANSWER_WORKING_DAYS,
  COMPLAINT_CATEGORY_LABELS,
} from '../../complaints/complaint-labels';
import { PositionEntity } from '../../offices/position.entity';
import { RequesterContactEntity } from '../../opds/requester-contact.entity';
import { ChecklistItemEntity } from '../../tickets/checklist-item.entity';
import { TicketStepEntity } from '../../tickets/ticket-step.entity';
import { activeHolderIds, supervisorHolders } from '../../tickets/assignment';
import { FIRST_RESPONSE_CLOCK } from '../../tickets/clocks';
import { NO_DUE, TicketEntity } from '../../tickets/ticket.entity';
import type { ComposeRequest } from '../mail.service';
import type { MailLocale } from '../templates/helpers';
import type { SlaAudience, StepSummary, TicketSummary } from '../templates/template-props';
import { REPLY_ATTACHMENTS_MAX_BYTES, type MailAttachment } from './mail-attachments';
import { resolveSurveySecret, signSurveyToken, surveyUrl } from '../../survey/survey-token';

export class OutboxPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxPayloadError';
  }
}

/** What the worker needs to send one row, except the nonce (the row's). */
export interface PreparedMail {
  request: Omit<ComposeRequest, 'nonce'>;
  ticketNumber: string | null;
  recipient: string;
  /** The payload to store once sent (secrets removed). */
  payloadAfterSend: Record<string, unknown> | null;
  /**
   * Set for automatic mail to a requester contact: the worker skips a bounced address and
   * holds the 4th automatic mail within 10 minutes to the same contact.
   */
  automaticTo: RequesterContactEntity | null;
}

type Payload = Record<string, unknown>;

export interface PrepareContext {
  config: AppConfig;
  manager: EntityManager;
  /** Message-IDs already in the ticket's thread, oldest first. */
  threadIds(ticketNumber: string): Promise<string[]>;
  /** Sequence number of the next message of the ticket. */
  nextSeq(ticketNumber: string): Promise<number>;
  /** The office's working calendar (for minutes left or overdue). */
  calendar(officeCode: string): Promise<OfficeCalendar>;
  now(): Date;
}

function text(payload: Payload, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !value.trim()) {
    throw new OutboxPayloadError(`payload.${field} wajib berupa teks`);
  }
  return value;
}

function locale(value: unknown): MailLocale {
  return value === 'en' ? 'en' : 'id';
}

async function preparePasswordReset(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const email = text(payload, 'email');
  const token = text(payload, 'token');
  const expiresAt = Date.parse(text(payload, 'expiresAt'));
  if (!Number.isFinite(expiresAt)) throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const minutes = Math.max(1, Math.round((expiresAt - Date.now()) / 60_000));
  const resetUrl = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  // The plain token must not outlive the sending: only its hash stays (password_resets).
  const { token: _erased, ...rest } = payload;
  void _erased;
  return {
    request: {
      mail: {
        template: 'password-reset',
        props: { name: String(payload['name'] ?? email), resetUrl, expiresInMinutes: minutes },
      },
      locale: locale(payload['locale']),
      timeZone: 'Asia/Jakarta',
      to: [email],
      replyTo: null,
      thread: null,
    },
    ticketNumber: null,
    recipient: email,
    payloadAfterSend: { ...rest, tokenErased: true },
    automaticTo: null,
  };
}

async function preparePortalSignIn(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const email = text(payload, 'email');
  const token = text(payload, 'token');
  const expiresAt = Date.parse(text(payload, 'expiresAt'));
  if (!Number.isFinite(expiresAt)) throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const office = await ctx.manager.findOne(OfficeEntity, {
    where: { code: text(payload, 'office') },
  });
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  // The plain token must not outlive the sending: only its hash stays (portal_sign_in_links).
  const { token: _erased, ...rest } = payload;
  void _erased;
  return {
    request: {
      mail: {
        template: 'portal-sign-in',
        props: {
          name: String(payload['name'] ?? email),
          officeName: office?.name ?? 'Sigap',
          signInUrl: `${base}/portal/masuk?token=${encodeURIComponent(token)}`,
          expiresInMinutes: Math.max(1, Math.round((expiresAt - ctx.now().getTime()) / 60_000)),
        },
      },
      locale: 'id',
      timeZone: office?.timeZone ?? 'Asia/Jakarta',
      to: [email],
      replyTo: office?.helpdeskEmail ?? null,
      thread: null,
    },
    ticketNumber: null,
    recipient: email,
    payloadAfterSend: { ...rest, tokenErased: true },
    automaticTo: null,
  };
}

/** Everything a ticket message needs about its ticket, loaded once per row. */
interface TicketContext {
  ticket: TicketEntity;
  office: OfficeEntity | null;
  contact: RequesterContactEntity | null;
  summary: TicketSummary;
}

async function loadTicket(payload: Payload, ctx: PrepareContext): Promise<TicketContext> {
  const number = text(payload, 'ticket');
  const ticket = await ctx.manager.findOne(TicketEntity, { where: { number } });
  if (!ticket) throw new OutboxPayloadError(`tiket ${number} tidak ditemukan`);
  const [office, contact, service] = await Promise.all([
    ctx.manager.findOne(OfficeEntity, { where: { code: ticket.officeCode } }),
    ctx.manager.findOne(RequesterContactEntity, { where: { id: ticket.requesterContactId } }),
    ticket.serviceId
      ? ctx.manager.findOne(CatalogServiceEntity, {
          select: { id: true, name: true },
          where: { id: ticket.serviceId },
        })
      : null,
  ]);
  return {
    ticket,
    office,
    contact,
    summary: {
      number,
      subject: ticket.subject,
      // A ticket from e-mail has no service until an agent chooses it in triage.
      serviceName: service?.name ?? ticket.serviceCode ?? 'Layanan belum ditentukan',
      officeName: office?.name ?? ticket.officeCode,
      url: null,
    },
  };
}

/** Staff get a link to the ticket in the console; requesters do not sign in. */
function staffSummary(t: TicketContext, ctx: PrepareContext): TicketSummary {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return { ...t.summary, url: `${base}/tiket/${encodeURIComponent(t.ticket.number)}` };
}

async function thread(number: string, ctx: PrepareContext): Promise<ComposeRequest['thread']> {
  return {
    ticketNumber: number,
    seq: await ctx.nextSeq(number),
    threadMessageIds: await ctx.threadIds(number),
  };
}

function requesterOf(t: TicketContext): RequesterContactEntity & { email: string } {
  if (!t.contact?.email) {
    throw new OutboxPayloadError(`pemohon tiket ${t.ticket.number} tidak punya alamat e-mail`);
  }
  return t.contact as RequesterContactEntity & { email: string };
}

/** A mail to the ticket's requester. */
async function toRequester(
  t: TicketContext,
  ctx: PrepareContext,
  mail: ComposeRequest['mail'],
  automatic: boolean,
): Promise<PreparedMail> {
  const contact = requesterOf(t);
  return {
    request: {
      mail,
      locale: 'id',
      timeZone: t.office?.timeZone ?? 'Asia/Jakarta',
      to: [contact.email],
      replyTo: t.office?.helpdeskEmail ?? null,
      thread: await thread(t.ticket.number, ctx),
    },
    ticketNumber: t.ticket.number,
    recipient: contact.email,
    payloadAfterSend: null,
    automaticTo: automatic ? contact : null,
  };
}

/** Active users named by id; none is a permanent failure (nobody to tell). */
async function users(ids: unknown, ctx: PrepareContext, field: string): Promise<UserEntity[]> {
  const list = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  const found = list.length
    ? await ctx.manager.find(UserEntity, { where: { id: In(list), active: true } })
    : [];
  if (!found.length) throw new OutboxPayloadError(`payload.${field}: tidak ada penerima aktif`);
  return list.map((id) => found.find((u) => u.id === id)).filter((u): u is UserEntity => !!u);
}

/** A mail to staff (assignees, supervisors). */
async function toStaff(
  t: TicketContext,
  ctx: PrepareContext,
  people: UserEntity[],
  mail: ComposeRequest['mail'],
): Promise<PreparedMail> {
  return {
    request: {
      mail,
      locale: people[0].locale === 'en' ? 'en' : 'id',
      timeZone: t.office?.timeZone ?? 'Asia/Jakarta',
      to: people.map((u) => u.email),
      replyTo: t.office?.helpdeskEmail ?? null,
      thread: await thread(t.ticket.number, ctx),
    },
    ticketNumber: t.ticket.number,
    recipient: people[0].email,
    payloadAfterSend: null,
    automaticTo: null,
  };
}

function names(people: UserEntity[]): string {
  return people.map((u) => u.name).join(', ');
}

function iso(d: Date | null | undefined): string | null {
  return d && d.getTime() !== NO_DUE.getTime() ? d.toISOString() : null;
}

async function stepOf(t: TicketContext, payload: Payload, ctx: PrepareContext) {
  const order = Number(payload['step']);
  if (!Number.isInteger(order) || order < 1) {
    throw new OutboxPayloadError('payload.step wajib berupa nomor langkah');
  }
  const step = await ctx.manager.findOne(TicketStepEntity, {
    where: { ticketId: t.ticket.id, stepOrder: order },
  });
  if (!step) throw new OutboxPayloadError(`tiket ${t.ticket.number} tidak punya langkah ${order}`);
  const position = await ctx.manager.findOne(PositionEntity, {
    select: { id: true, name: true },
    where: { officeCode: step.officeCode, code: step.positionCode },
  });
  const parsed = step.timeText ? readDuration(step.timeText) : null;
  const time: Duration | null = parsed?.ok ? parsed.value : null;
  const summary: StepSummary = {
    number: step.stepOrder,
    title: step.description,
    positionName: position?.name ?? step.positionCode,
    time,
  };
  return { step, summary };
}

async function prepareReceived(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  if (t.ticket.kind === 'complaint') return prepareComplaintReceived(t, ctx);
  const items = await ctx.manager.find(ChecklistItemEntity, {
    where: { ticketId: t.ticket.id },
    order: { sortOrder: 'ASC' },
  });
  const received = (s: string) => s === 'received' || s === 'verified';
  return toRequester(
    t,
    ctx,
    {
      template: 'ticket-received',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        receivedAt: t.ticket.receivedAt.toISOString(),
        checklist: items.map((i) => ({ label: i.text, received: received(i.status) })),
        missing: items.filter((i) => !i.optional && !received(i.status)).map((i) => i.text),
        dueAt: iso(t.ticket.dueAt),
        trackUrl: trackingUrl(ctx.config, t.ticket.id),
      },
    },
    true,
  );
}

/** A complaint's acknowledgement: its own template (number, 5 working days, tracking link). */
async function prepareComplaintReceived(
  t: TicketContext,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const complaint = await ctx.manager.findOne(ComplaintEntity, {
    where: { ticketId: t.ticket.id },
  });
  const category = complaint?.category ?? 'pengaduan';
  return toRequester(
    t,
    ctx,
    {
      template: 'complaint-received',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        categoryLabel: COMPLAINT_CATEGORY_LABELS[category],
        text: t.ticket.description,
        receivedAt: t.ticket.receivedAt.toISOString(),
        answerDays: COMPLAINT_ANSWER_WORKING_DAYS,
        dueAt: iso(t.ticket.dueAt),
        trackUrl: trackingUrl(ctx.config, t.ticket.id),
      },
    },
    true,
  );
}

async function prepareReturned(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const reason = text(payload, 'reason');
  const items = await ctx.manager.find(ChecklistItemEntity, {
    where: { ticketId: t.ticket.id },
    order: { sortOrder: 'ASC' },
  });
  const rejected = items.filter((i) => i.status === 'rejected');
  const missing = items.filter((i) => !i.optional && i.status === 'missing');
  const lines = rejected.length
    ? rejected.map((i) => ({ label: i.text, reason: i.reason ?? reason }))
    : missing.map((i) => ({ label: i.text, reason: 'belum diterima' }));
  return toRequester(
    t,
    ctx,
    {
      template: 'documents-incomplete',
      props: { requesterName: requesterOf(t).name, ticket: t.summary, items: lines, note: reason },
    },
    true,
  );
}

async function prepareResolved(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const note = typeof payload['note'] === 'string' && payload['note'].trim() ? payload['note'] : '';
  return toRequester(
    t,
    ctx,
    {
      template: 'ticket-resolved',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        resolvedAt: (t.ticket.resolvedAt ?? ctx.now()).toISOString(),
        resolution: note || 'Permohonan Anda telah diselesaikan.',
        surveyUrl: null,
      },
    },
    true,
  );
}

async function prepareSurveyInvitation(
  payload: Payload,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const id = text(payload, 'invitation');
  const expiresAt = new Date(text(payload, 'expiresAt'));
  if (Number.isNaN(expiresAt.getTime()))
    throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const token = signSurveyToken(resolveSurveySecret(ctx.config), {
    id,
    ticketId: t.ticket.id,
    expiresAt,
  });
  const prepared = await toRequester(
    t,
    ctx,
    {
      template: 'survey-invitation',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        surveyUrl: surveyUrl(ctx.config, token),
        expiresAt: expiresAt.toISOString(),
      },
    },
    false,
  );
  // Sent by the system, so marked automatic; not held by the per-contact limit, as it follows
  // the resolution mail at once.
  prepared.request.automatic = true;
  return prepared;
}

/**
 * The files of a reply, read from the attachment store now: each must still belong to the
 * ticket's office (and to the ticket, once linked), its bytes must match its SHA-256, and all
 * together stay within the limit checked when the reply was written.
 */
async function replyAttachments(
  t: TicketContext,
  payload: Payload,
  ctx: PrepareContext,
): Promise<MailAttachment[]> {
  const raw = payload['attachmentIds'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) {
    throw new OutboxPayloadError('payload.attachmentIds wajib berupa daftar id');
  }
  const ids = [...new Set(raw as string[])];
  if (!ids.length) return [];
  const rows = await ctx.manager.find(AttachmentEntity, { where: { id: In(ids) } });
  const store = attachmentStoreFor(ctx.config);
  let total = 0;
  const files: MailAttachment[] = [];
  for (const id of ids) {
    const a = rows.find((r) => r.id === id);
    if (
      !a ||
      a.officeCode !== t.ticket.officeCode ||
      (a.ticketId !== null && a.ticketId !== t.ticket.id)
    ) {
      throw new OutboxPayloadError(`lampiran ${id} tidak ada lagi pada tiket ${t.ticket.number}`);
    }
    total += a.size;
    if (total > REPLY_ATTACHMENTS_MAX_BYTES) {
      throw new OutboxPayloadError(
        `lampiran melebihi batas ${REPLY_ATTACHMENTS_MAX_BYTES / (1024 * 1024)} MB per e-mail`,
      );
    }
    let content: Buffer;
    try {
      content = await store.read(a.sha256);
    } catch {
      throw new OutboxPayloadError(
        `berkas lampiran "${a.fileName}" tidak ditemukan di penyimpanan`,
      );
    }
    if (content.length !== a.size || AttachmentStore.sha256(content) !== a.sha256) {
      throw new OutboxPayloadError(`berkas lampiran "${a.fileName}" berubah di penyimpanan`);
    }
    files.push({ filename: a.fileName, contentType: a.mediaType, content });
  }
  return files;
}

async function prepareAgentReply(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const body = text(payload, 'body');
  const agentName = typeof payload['agentName'] === 'string' ? payload['agentName'] : 'Helpdesk';
  const prepared = await toRequester(
    t,
    ctx,
    {
      template: 'agent-reply',
      props: { requesterName: requesterOf(t).name, agentName, ticket: t.summary, message: body },
    },
    false,
  );
  const attachments = await replyAttachments(t, payload, ctx);
  if (attachments.length) prepared.request.attachments = attachments;
  return prepared;
}

async function prepareStepAssigned(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const { step, summary } = await stepOf(t, payload, ctx);
  const people = await users([payload['assigneeId'] ?? step.assigneeId], ctx, 'assigneeId');
  return toStaff(t, ctx, people, {
    template: 'step-assigned',
    props: {
      assigneeName: names(people),
      ticket: staffSummary(t, ctx),
      step: summary,
      dueAt: iso(step.dueAt),
    },
  });
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
function slaAlert(level: 'at-risk' | 'breached', withStep: boolean, escalation: boolean) {
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

async function prepareRequesterReplied(
  payload: Payload,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const people = await users(payload['recipients'], ctx, 'recipients');
  const body = text(payload, 'body');
  const from = typeof payload['from'] === 'string' && payload['from'] ? payload['from'] : null;
  const effect = payload['effect'];
  const attachments = Number(payload['attachments']);
  const prepared = await toStaff(t, ctx, people, {
    template: 'requester-replied',
    props: {
      recipientName: names(people),
      requesterName:
        t.contact && (!from || t.contact.email === from) ? t.contact.name : (from ?? 'Pemohon'),
      requesterEmail: from,
      ticket: staffSummary(t, ctx),
      message: body,
      effect: effect === 'answered' || effect === 'reopened' ? effect : 'appended',
      attachmentCount: Number.isInteger(attachments) && attachments > 0 ? attachments : 0,
    },
  });
  // Written by the requester but sent by the system: marked automatic.
  prepared.request.automatic = true;
  return prepared;
}

/** Row kinds the worker sends, and how. Any other kind is a permanent failure. */
export const OUTBOX_MAIL_KINDS: Record<
  string,
  (payload: Payload, ctx: PrepareContext) => Promise<PreparedMail>
> = {
  'password-reset': preparePasswordReset,
  'ticket.received': prepareReceived,
  'portal.sign-in-link': preparePortalSignIn,
  'ticket.returned-to-requester': prepareReturned,
  'ticket.resolved': prepareResolved,
  'survey.invitation': prepareSurveyInvitation,
  'ticket.reply': prepareAgentReply,
  'ticket.step-assigned': prepareStepAssigned,
  'ticket.sla-at-risk': slaAlert('at-risk', false, false),
  'ticket.sla-breached': slaAlert('breached', false, false),
  'ticket.step-sla-at-risk': slaAlert('at-risk', true, false),
  'ticket.step-escalated': slaAlert('breached', true, true),
  'ticket.requester-replied': prepareRequesterReplied,
};

/** How to prepare a row of this kind; an unknown kind is a permanent failure naming it. */
export function preparerFor(
  kind: string,
): (payload: Payload, ctx: PrepareContext) => Promise<PreparedMail> {
  const prepare = Object.prototype.hasOwnProperty.call(OUTBOX_MAIL_KINDS, kind)
    ? OUTBOX_MAIL_KINDS[kind]
    : undefined;
  if (!prepare) {
    throw new OutboxPayloadError(
      `jenis pesan outbox "${kind}" tidak punya templat e-mail (dikenal: ${Object.keys(OUTBOX_MAIL_KINDS).join(', ')})`,
    );
  }
  return prepare;
}

export function parsePayload(raw: string): Payload {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new OutboxPayloadError('payload bukan JSON yang valid');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OutboxPayloadError('payload harus objek JSON');
  }
  return value as Payload;
}
