/** What the ticket kinds share: loading the ticket, addressing requester or staff, threading. */
import { readDuration, type Duration } from '@sigap/standards';
import { In } from 'typeorm';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { UserEntity } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { PositionEntity } from '@sigap/api-offices';
import { RequesterContactEntity } from '@sigap/api-opds';
import { TicketStepEntity } from '@sigap/api-tickets';
import { NO_DUE, TicketEntity } from '@sigap/api-tickets';
import type { ComposeRequest } from '../../mail.service';
import type { MailLocale } from '../../templates/helpers';
import type { StepSummary, TicketSummary } from '../../templates/template-props';
import { OutboxPayloadError, type PrepareContext, type PreparedMail } from './kind';

/** A stored payload before its fields are checked. */
export type Payload = Readonly<Record<string, unknown>>;

/** Every ticket kind's payload names its ticket by number. */
export interface TicketPayload {
  ticket: string;
}

export function text(payload: Payload, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !value.trim()) {
    throw new OutboxPayloadError(`payload.${field} wajib berupa teks`);
  }
  return value;
}

export function locale(value: unknown): MailLocale {
  return value === 'en' ? 'en' : 'id';
}

/** Everything a ticket message needs about its ticket, loaded once per row. */
export interface TicketContext {
  ticket: TicketEntity;
  office: OfficeEntity | null;
  contact: RequesterContactEntity | null;
  summary: TicketSummary;
}

export async function loadTicket(payload: Payload, ctx: PrepareContext): Promise<TicketContext> {
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
export function staffSummary(t: TicketContext, ctx: PrepareContext): TicketSummary {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return { ...t.summary, url: `${base}/tiket/${encodeURIComponent(t.ticket.number)}` };
}

export async function thread(
  number: string,
  ctx: PrepareContext,
): Promise<ComposeRequest['thread']> {
  return {
    ticketNumber: number,
    seq: await ctx.nextSeq(number),
    threadMessageIds: await ctx.threadIds(number),
  };
}

export function requesterOf(t: TicketContext): RequesterContactEntity & { email: string } {
  if (!t.contact?.email) {
    throw new OutboxPayloadError(`pemohon tiket ${t.ticket.number} tidak punya alamat e-mail`);
  }
  return t.contact as RequesterContactEntity & { email: string };
}

/** A mail to the ticket's requester. */
export async function toRequester(
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
export async function users(
  ids: unknown,
  ctx: PrepareContext,
  field: string,
): Promise<UserEntity[]> {
  const list = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  const found = list.length
    ? await ctx.manager.find(UserEntity, { where: { id: In(list), active: true } })
    : [];
  if (!found.length) throw new OutboxPayloadError(`payload.${field}: tidak ada penerima aktif`);
  return list.map((id) => found.find((u) => u.id === id)).filter((u): u is UserEntity => !!u);
}

/** A mail to staff (assignees, supervisors). */
export async function toStaff(
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

export function names(people: UserEntity[]): string {
  return people.map((u) => u.name).join(', ');
}

export function iso(d: Date | null | undefined): string | null {
  return d && d.getTime() !== NO_DUE.getTime() ? d.toISOString() : null;
}

export async function stepOf(t: TicketContext, payload: Payload, ctx: PrepareContext) {
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
