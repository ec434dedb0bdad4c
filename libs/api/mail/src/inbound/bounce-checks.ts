/**
 * Delivery reports (bounces): which addresses a report may speak for, and the contacts it marks
 * as unreachable. Anyone can send a report; only one about mail we really sent is acted on.
 */
import { normalizeAddress, type BounceInfo, type BounceRecipient } from '@sigap/mail-threading';
import { EntityManager, MoreThanOrEqual } from 'typeorm';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';

/**
 * A delivery report without the original Message-ID is believed for an address only when we sent
 * it mail this recently (mail servers give up on a message after a few days: Postfix after 5).
 */
export const BOUNCE_RECENT_DAYS = 7;

/**
 * Which of the addresses a delivery report names it may act for: with the original Message-ID,
 * only the address the outbox row of that id was sent to (no row: none); without it, each
 * address we sent mail to within {@link BOUNCE_RECENT_DAYS} days. A report naming no address
 * acts for the row's recipient. Anyone can write a report; only these are believed.
 */
export async function verifyBounce(
  manager: EntityManager,
  bounce: BounceInfo | null,
  original: string | null,
  now: Date,
): Promise<{ outbound: OutboxEntity | null; verified: BounceRecipient[] }> {
  const reported = (bounce?.recipients ?? [])
    .map((r) => ({ ...r, address: normalizeAddress(r.address) ?? '' }))
    .filter((r) => r.address);
  if (original) {
    const outbound = await manager.findOne(OutboxEntity, { where: { messageId: original } });
    const to = normalizeAddress(outbound?.recipient ?? null);
    if (!outbound || !to) return { outbound: null, verified: [] };
    if (!(bounce?.recipients ?? []).length) {
      return {
        outbound,
        verified: [{ address: to, permanent: bounce?.permanent !== false, status: bounce?.status }],
      };
    }
    const verified = reported.filter((r) => r.address === to);
    return { outbound: verified.length ? outbound : null, verified };
  }
  const since = new Date(now.getTime() - BOUNCE_RECENT_DAYS * 86_400_000);
  const verified: BounceRecipient[] = [];
  for (const r of reported.slice(0, 20)) {
    const sent = await manager.findOne(OutboxEntity, {
      select: { id: true },
      where: { recipient: r.address, sentAt: MoreThanOrEqual(since) },
    });
    if (sent) verified.push(r);
  }
  return { outbound: null, verified };
}

/**
 * Flags every contact whose address bounced permanently (in any office: the mailbox is gone
 * for all of them). The delivery worker then skips automatic mail to it.
 */
export async function flagBounced(
  manager: EntityManager,
  recipients: BounceRecipient[],
  now: Date,
): Promise<void> {
  for (const r of recipients) {
    const address = normalizeAddress(r.address);
    if (!address || !r.permanent) continue;
    const reason = `${address}: ${r.status ?? ''} ${r.diagnostic ?? ''}`.trim().slice(0, 500);
    await manager.update(
      RequesterContactEntity,
      { email: address },
      { emailBouncedAt: now, emailBounceReason: reason },
    );
  }
}
