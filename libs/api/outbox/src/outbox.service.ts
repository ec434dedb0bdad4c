import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '@sigap/api-database';
import { OutboxEntity } from './outbox.entity';
import type { OutboxMessage } from './outbox-message';

export type { OutboxMessage } from './outbox-message';

/** Writes outbox rows; always with the caller's transaction manager. */
@Injectable()
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  async enqueue(
    messages: readonly OutboxMessage[],
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!messages.length) return;
    await insertRows(
      manager,
      OutboxEntity,
      messages.map((m) => ({
        id: randomUUID(),
        kind: m.kind,
        payload: JSON.stringify(m.payload),
        status: 'pending' as const,
        createdAt: at,
        attempts: 0,
        nextAttemptAt: at,
      })),
    );
  }

  /** Pending messages of a kind, oldest first (for tests and the mail worker). */
  pending(kind?: string): Promise<OutboxEntity[]> {
    return this.dataSource.getRepository(OutboxEntity).find({
      where: kind ? { kind, status: 'pending' } : { status: 'pending' },
      order: { createdAt: 'ASC' },
    });
  }
}
