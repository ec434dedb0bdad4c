/**
 * `ticket.received` → ticket-received to the requester (automatic), with the link to the
 * ticket's tracking page; for a ticket of kind `complaint`, complaint-received instead.
 */
import { ComplaintEntity } from '@sigap/api-complaints';
import { COMPLAINT_ANSWER_WORKING_DAYS, COMPLAINT_CATEGORY_LABELS } from '@sigap/api-complaints';
import { ChecklistItemEntity } from '@sigap/api-tickets';
import { trackingUrl } from '@sigap/api-tickets';
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import {
  iso,
  loadTicket,
  requesterOf,
  toRequester,
  type TicketContext,
  type TicketPayload,
} from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export type TicketReceivedPayload = TicketPayload;

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.received': TicketReceivedPayload;
  }
}

async function prepareReceived(
  payload: StoredPayload<TicketReceivedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
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

export const TICKET_RECEIVED: OutboxKind<'ticket.received'> = {
  kind: 'ticket.received',
  templates: ['ticket-received', 'complaint-received'],
  samples: {
    'ticket-received': {
      requesterName: 'Ni Made Ayu Lestari',
      ticket: SAMPLE_TICKET,
      receivedAt: '2026-03-02T01:15:00Z',
      checklist: [
        { label: 'Surat permohonan dari Kepala OPD', received: true },
        { label: 'Kerangka Acuan Kerja (KAK)', received: true },
        { label: 'Dokumen proses bisnis (BPMN)', received: false },
        { label: 'Analisis biaya dan manfaat', received: false },
      ],
      missing: ['Dokumen proses bisnis (BPMN)', 'Analisis biaya dan manfaat'],
      dueAt: null,
      trackUrl: 'https://sigap.example.go.id/lacak/contoh-token',
    },
    'complaint-received': {
      requesterName: 'I Made Wirawan',
      ticket: {
        number: 'ADUBALI-2026-000007',
        subject: 'Pengaduan: Aplikasi SIMPEG tidak dapat diakses',
        serviceName: 'Pembangunan dan Pengembangan Aplikasi',
        officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Bali',
        url: null,
      },
      categoryLabel: { id: 'Pengaduan', en: 'Complaint', enLower: 'complaint' },
      text: 'Aplikasi SIMPEG yang diserahkan tidak dapat diakses sejak minggu lalu.\nMohon ditindaklanjuti.',
      receivedAt: '2026-05-11T02:00:00Z',
      answerDays: 5,
      dueAt: '2026-05-20T02:00:00Z',
      trackUrl: 'https://sigap.example.go.id/lacak/contoh-token',
    },
  },
  requesterLimited: true,
  prepare: prepareReceived,
};
