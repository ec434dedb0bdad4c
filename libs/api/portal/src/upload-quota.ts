import { EntityManager, MoreThan } from 'typeorm';
import { AttachmentEntity } from '@sigap/api-attachments';
import { dialectOf } from '@sigap/api-database';
import { PortalError } from './portal-error';

const DAY_MS = 24 * 3600_000;

export interface UploadQuota {
  files: number;
  bytes: number;
}

/**
 * The portal's per-contact upload quota over the last 24 hours, counted from the contact's stored
 * attachments (so it holds across API instances and restarts). Checked once before a file is
 * stored (an early refusal) and again in the transaction that records it, after locking the
 * contact's row, so concurrent uploads of one contact cannot together pass the limit.
 */
export async function checkUploadQuota(
  manager: EntityManager,
  contactId: string,
  size: number,
  quota: UploadQuota,
  nowMs: number,
  lock: boolean,
): Promise<void> {
  const forUpdate = dialectOf(manager).forUpdate;
  if (lock && forUpdate) {
    // SQLite runs one write transaction at a time: nothing to lock there.
    await manager.query(`SELECT id FROM requester_contacts WHERE id = ?${forUpdate}`, [contactId]);
  }
  const since = new Date(nowMs - DAY_MS);
  const used: { files: string | number; bytes: string | number | null } | undefined = await manager
    .createQueryBuilder(AttachmentEntity, 'a')
    .select('COUNT(*)', 'files')
    .addSelect('SUM(a.size)', 'bytes')
    .where('a.uploaded_by = :contactId AND a.created_at > :since', { contactId, since })
    .getRawOne();
  const files = Number(used?.files ?? 0);
  const bytes = Number(used?.bytes ?? 0);
  if (files + 1 <= quota.files && bytes + size <= quota.bytes) return;
  // Free again once the oldest upload of the window is a day old.
  const oldest = await manager.findOne(AttachmentEntity, {
    select: { id: true, createdAt: true },
    where: { uploadedBy: contactId, createdAt: MoreThan(since) },
    order: { createdAt: 'ASC' },
  });
  const retryAfter = Math.max(
    1,
    Math.ceil(((oldest?.createdAt.getTime() ?? nowMs) + DAY_MS - nowMs) / 1000),
  );
  const headers = { 'Retry-After': String(retryAfter) };
  if (files + 1 > quota.files)
    throw new PortalError(
      'portal.upload_quota',
      `Batas unggahan harian tercapai: paling banyak ${quota.files} berkas per 24 jam. Coba lagi nanti.`,
      [{ path: 'file', message: `batas ${quota.files} berkas per 24 jam` }],
      headers,
    );
  const mb = (n: number) => Math.floor(n / (1024 * 1024));
  throw new PortalError(
    'portal.upload_quota_bytes',
    `Batas ukuran unggahan harian tercapai: paling banyak ${mb(quota.bytes)} MB per 24 jam (sudah ${mb(bytes)} MB). Coba lagi nanti.`,
    [{ path: 'file', message: `batas ${mb(quota.bytes)} MB per 24 jam` }],
    headers,
  );
}
