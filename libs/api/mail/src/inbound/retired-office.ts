/**
 * Mail to a retired office's helpdesk address. A retired office keeps its history but takes no
 * new requests, so a new message to it opens nothing: it is held in the quarantine list, with the
 * reason, for an admin to forward to the office that took the work over or to discard. Replies
 * to the office's existing tickets are not affected: they thread as before.
 */
import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeEntity } from '@sigap/api-offices';

/** How the reason of mail held because its office is retired begins. */
export const RETIRED_OFFICE_REASON = 'kantor sudah dipensiunkan';

/**
 * The office when it is retired, read fresh (the inbound office list is cached for a few
 * seconds, and a message arriving just after the retirement must already be held).
 */
export async function retiredOffice(
  manager: EntityManager,
  code: string,
): Promise<Pick<OfficeEntity, 'code' | 'name' | 'retiredAt'> | null> {
  const office = await manager.findOne(OfficeEntity, {
    select: { code: true, name: true, retiredAt: true },
    where: { code },
  });
  return office?.retiredAt ? office : null;
}

/** Why a new message to a retired office was held (shown in the admin's quarantine list). */
export function retiredOfficeReason(office: Pick<OfficeEntity, 'code' | 'name'>): string {
  return `${RETIRED_OFFICE_REASON}: ${office.name} (${office.code}) tidak menerima permintaan baru`;
}

/** Releasing a held message would open a ticket in the office: refused while it is retired. */
export async function assertOfficeTakesRequests(
  manager: EntityManager,
  code: string,
): Promise<void> {
  const office = await retiredOffice(manager, code);
  if (office) {
    throw new ConflictException(
      `Kantor ${office.name} (${office.code}) sudah dipensiunkan dan tidak menerima tiket baru; ` +
        'buang pesan ini atau teruskan ke kantor yang kini menanganinya.',
    );
  }
}
