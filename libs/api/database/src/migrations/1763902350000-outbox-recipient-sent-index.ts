import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * A delivery report without the original Message-ID acts only when we recently sent mail to the
 * address it names: a lookup by recipient and time of sending, for every such report (forged ones
 * included), which would otherwise scan the whole outbox.
 */
export class OutboxRecipientSentIndex1763902350000 implements MigrationInterface {
  name = 'OutboxRecipientSentIndex1763902350000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex(
      'outbox',
      new TableIndex({ name: 'ix_outbox_recipient_sent', columnNames: ['recipient', 'sent_at'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('outbox', 'ix_outbox_recipient_sent');
  }
}
