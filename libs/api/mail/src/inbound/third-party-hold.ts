// Mail that refers to a ticket but comes from someone who may not speak for its requester: held
// on the ticket for an agent.
import type { EntityManager } from 'typeorm';
import { insertRows } from '@sigap/api-database';
import { TicketEntity, TimelineEntryEntity } from '@sigap/api-tickets';
import type { InboundMessageEntity } from './inbound-message.entity';

/** The timeline event of a third party's mail held on a ticket. */
export const THIRD_PARTY_EVENT = 'mail.third-party';
/** How the reason of a held third party's mail begins. */
export const THIRD_PARTY_REASON = 'pihak ketiga';

/**
 * A genuine reference to a ticket from someone who may not speak for its requester: kept on the
 * ticket's timeline as a held third-party entry (staff only; the portal shows replies only)
 * that an agent accepts (then it is the requester's reply) or dismisses. Nothing else moves:
 * no clock, no reopening, no notice. Null when the ticket is gone.
 */
export async function holdThirdParty(
  manager: EntityManager,
  row: InboundMessageEntity,
  match: { ticketNumber: string; via: string; reason: string },
  sender: string | null,
  now: Date,
): Promise<string | null> {
  const ticket = await manager.findOne(TicketEntity, {
    select: { id: true },
    where: { number: match.ticketNumber },
  });
  if (!ticket) return null;
  const summary = JSON.parse(row.summary ?? '{}') as Record<string, unknown>;
  const data: Record<string, unknown> = {
    inboundId: row.id,
    messageId: row.messageId,
    from: sender,
    subject: row.subject,
    bodyText: summary['bodyText'] ?? '',
    bodyHtml: summary['bodyHtml'] ?? null,
    ...(summary['fullText'] ? { fullText: summary['fullText'] } : {}),
    attachments: summary['attachments'] ?? [],
    via: match.via,
    reason: match.reason,
    decision: null,
  };
  await insertRows(manager, TimelineEntryEntity, [
    {
      ticketId: ticket.id,
      kind: 'event',
      event: THIRD_PARTY_EVENT,
      authorId: null,
      body:
        `E-mail dari ${sender ?? 'pengirim tanpa alamat'} ditahan: pengirim bukan pemohon, ` +
        'kontak tiket ini, atau alamat domain OPD-nya. Terima agar dihitung sebagai balasan ' +
        'pemohon, atau abaikan.',
      data,
      at: now,
    },
  ]);
  return `${THIRD_PARTY_REASON} (${match.via}, ${match.reason === 'no-sender' ? 'tanpa pengirim' : 'bukan peserta'})`;
}
