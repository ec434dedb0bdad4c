/**
 * `incident.major-update` → major-incident-update to one reporter of a major incident: the
 * parent's requester or a linked report's, each address once per update (the incidents domain
 * writes one row per distinct address). The mail threads on the reporter's own ticket.
 */
import { TicketEntity } from '@sigap/api-tickets';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
} from './kind';
import type { StoredPayload } from './kind';
import { loadTicket, requesterOf, text, toRequester, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface MajorIncidentUpdatePayload extends TicketPayload {
  /** The major incident's number. */
  parent: string;
  body: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'incident.major-update': MajorIncidentUpdatePayload;
  }
}

async function prepareMajorUpdate(
  payload: StoredPayload<MajorIncidentUpdatePayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const parentNumber = text(payload, 'parent');
  const parent =
    parentNumber === t.ticket.number
      ? t.ticket
      : await ctx.manager.findOne(TicketEntity, {
          select: { id: true, number: true, subject: true, officeCode: true },
          where: { number: parentNumber },
        });
  if (!parent || parent.officeCode !== t.ticket.officeCode) {
    throw new OutboxPayloadError(`gangguan utama ${parentNumber} tidak ditemukan`);
  }
  return toRequester(
    t,
    ctx,
    {
      template: 'major-incident-update',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        parentNumber: parent.number,
        parentSubject: parent.subject,
        message: text(payload, 'body'),
      },
    },
    false,
  );
}

export const INCIDENT_MAJOR_UPDATE: OutboxKind<'incident.major-update'> = {
  kind: 'incident.major-update',
  templates: ['major-incident-update'],
  samples: {
    'major-incident-update': {
      requesterName: 'I Wayan Sudarma',
      ticket: { ...SAMPLE_TICKET, number: 'GNGBALI-2026-000107', subject: 'Website dinas mati' },
      parentNumber: 'GNGBALI-2026-000101',
      parentSubject: 'Pusat data padam: semua website OPD tidak dapat diakses',
      message:
        'Genset pusat data sudah menyala pukul 09.40 WITA. Website OPD dipulihkan bertahap; perkiraan selesai pukul 11.00 WITA.',
    },
  },
  prepare: prepareMajorUpdate,
};
