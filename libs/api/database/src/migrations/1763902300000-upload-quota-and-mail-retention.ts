import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** Existing inbound messages read per page while their attachment references are filled in. */
const PAGE = 500;

/**
 * - `ix_attachments_uploader` (uploaded_by, created_at): the portal's daily upload quota counts
 *   a contact's uploads of the last 24 hours.
 * - `inbound_attachments`: which kept mail attachment copies (`<data>/mail/attachments/<sha256>`)
 *   each inbound message carries, so the retention sweep can tell, by index, whether a ticket still
 *   refers to a copy; filled in here for the messages already received.
 * - `ix_inbound_sha256`: the sweep looks up raw messages (`<sha256>.eml`) by their checksum.
 * - `mailbox_message_failures.discard_requested_at`: an admin asked for a held IMAP message to be
 *   deleted from the mailbox; its poller does so at the next round.
 */
export class UploadQuotaAndMailRetention1763902300000 implements MigrationInterface {
  name = 'UploadQuotaAndMailRetention1763902300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'mailbox_message_failures',
      new TableColumn({
        name: 'discard_requested_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
    );
    await runner.createIndex(
      'attachments',
      new TableIndex({
        name: 'ix_attachments_uploader',
        columnNames: ['uploaded_by', 'created_at'],
      }),
    );
    await runner.createIndex(
      'inbound_messages',
      new TableIndex({ name: 'ix_inbound_sha256', columnNames: ['sha256'] }),
    );
    await runner.createTable(
      new Table({
        name: 'inbound_attachments',
        columns: [
          { name: 'inbound_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_inbound_attachments_sha256', columnNames: ['sha256'] }),
        ],
      }),
    );
    let after = '';
    for (;;) {
      const rows: { id: string; summary: string | null }[] = await runner.query(
        'SELECT id, summary FROM inbound_messages WHERE id > ? ORDER BY id LIMIT ?',
        [after, PAGE],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const refs = rows.flatMap((r) => attachmentChecksums(r.summary).map((sha) => [r.id, sha]));
      if (refs.length) {
        await runner.query(
          `INSERT INTO inbound_attachments (inbound_id, sha256) VALUES ${refs.map(() => '(?, ?)').join(', ')}`,
          refs.flat(),
        );
      }
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('inbound_attachments');
    await runner.dropIndex('inbound_messages', 'ix_inbound_sha256');
    await runner.dropIndex('attachments', 'ix_attachments_uploader');
    await runner.dropColumn('mailbox_message_failures', 'discard_requested_at');
  }
}

/** The distinct attachment checksums in an inbound message's summary JSON (none if unreadable). */
function attachmentChecksums(summary: string | null): string[] {
  try {
    const parsed = JSON.parse(summary ?? '{}') as { attachments?: { sha256?: unknown }[] };
    const all = (parsed.attachments ?? [])
      .map((a) => a?.sha256)
      .filter((s): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s));
    return [...new Set(all)];
  } catch {
    return [];
  }
}
