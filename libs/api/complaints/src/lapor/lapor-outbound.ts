import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { LAPOR_CLOSE_WORKING_DAYS, type TicketStatus } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { insertRows } from '@sigap/api-database';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketChangeHooks, type TicketChange } from '@sigap/api-tickets';
import { addWorkingDays } from '@sigap/sla';
import { ComplaintEntity } from '../complaint.entity';
import type { LaporResponse } from './lapor-gateway';

/** The outbox kinds of what goes back to SP4N-LAPOR! (rows on the `lapor` channel). */
export const LAPOR_ANSWER_KIND = 'lapor.answer';
export const LAPOR_STATUS_KIND = 'lapor.status';

/** What a `lapor` outbox row carries: the report and the response, as sent on every attempt. */
export interface LaporOutboxPayload {
  trackingId: string;
  response: LaporResponse;
}

/** A ticket's status in LAPOR!'s words; a change that keeps the words is not sent. */
export const LAPOR_STATUS: Readonly<Record<TicketStatus, string>> = {
  new: 'Diproses',
  triaged: 'Diproses',
  'in-progress': 'Ditindaklanjuti',
  waiting: 'Ditindaklanjuti',
  reopened: 'Ditindaklanjuti',
  resolved: 'Ditindaklanjuti',
  closed: 'Selesai',
  cancelled: 'Ditutup',
  // Complaints are never merged (see MERGEABLE_KINDS); listed for completeness.
  merged: 'Ditutup',
};

/**
 * Answers and status changes made on a complaint that came from SP4N-LAPOR! go back to it:
 * written to the outbox in the change's own transaction (so an outage of LAPOR! loses nothing),
 * sent by `LaporOutboxWorker`. An answer (a public reply, a resolution note) is the office's
 * follow-up: LAPOR! closes the report 10 working days later unless the reporter replies, and
 * the complaint keeps that date. Changes that came from LAPOR! itself are not sent back.
 */
@Injectable()
export class LaporOutbound implements OnModuleInit {
  constructor(
    private readonly hooks: TicketChangeHooks,
    private readonly calendars: CalendarProvider,
  ) {}

  onModuleInit(): void {
    this.hooks.subscribe((manager, change) => this.changed(manager, change));
  }

  async changed(manager: EntityManager, change: TicketChange): Promise<void> {
    const { ticket, timeline, now } = change;
    if (change.opened || ticket.kind !== 'complaint') return;
    if (timeline.some((e) => e.event?.startsWith('lapor.'))) return;
    const answers = timeline
      .map((e) =>
        e.kind === 'reply' && e.authorId
          ? e.body
          : e.event === 'ticket.resolved' && typeof e.data?.['note'] === 'string'
            ? (e.data['note'] as string)
            : null,
      )
      .filter((text): text is string => !!text?.trim());
    const moves = timeline
      .filter((e) => e.event === 'ticket.status_changed')
      .map((e) => e.data as { from: TicketStatus; to: TicketStatus })
      .filter((m) => LAPOR_STATUS[m.from] !== LAPOR_STATUS[m.to]);
    if (!answers.length && !moves.length) return;
    const complaint = await manager.findOne(ComplaintEntity, {
      select: { ticketId: true, laporTrackingId: true, laporDirection: true },
      where: { ticketId: ticket.id },
    });
    const trackingId = complaint?.laporTrackingId;
    if (complaint?.laporDirection !== 'in' || !trackingId) return;
    const status = LAPOR_STATUS[ticket.status];
    const responses: LaporResponse[] = [
      ...answers.map((text) => response('answer', ticket.number, status, text, now)),
      ...moves.map((m) => response('status', ticket.number, LAPOR_STATUS[m.to], null, now)),
    ];
    await insertRows(
      manager,
      OutboxEntity,
      responses.map((r) => outboxRow(trackingId, r, ticket.number, now)),
    );
    if (answers.length) {
      const calendar = await this.calendars.forOffice(ticket.officeCode);
      const closesAt = new Date(
        addWorkingDays(calendar.calendar, now.getTime(), LAPOR_CLOSE_WORKING_DAYS),
      );
      await manager.update(
        ComplaintEntity,
        { ticketId: ticket.id },
        { laporFollowedUpAt: now, laporClosesAt: closesAt },
      );
    }
  }
}

function response(
  kind: LaporResponse['kind'],
  reference: string,
  status: string,
  text: string | null,
  at: Date,
): LaporResponse {
  return { kind, key: randomUUID(), reference, status, text, at: at.toISOString() };
}

function outboxRow(
  trackingId: string,
  r: LaporResponse,
  ticketNumber: string,
  at: Date,
): OutboxEntity {
  const payload: LaporOutboxPayload = { trackingId, response: r };
  return {
    id: r.key,
    kind: r.kind === 'answer' ? LAPOR_ANSWER_KIND : LAPOR_STATUS_KIND,
    channel: 'lapor',
    payload: JSON.stringify(payload),
    status: 'pending',
    createdAt: at,
    attempts: 0,
    nextAttemptAt: at,
    ticketNumber,
    recipient: trackingId,
  };
}
