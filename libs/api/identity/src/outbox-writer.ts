import type { EntityManager } from 'typeorm';

/**
 * What identity needs of the outbox: rows written in the caller's transaction, sent later by the
 * mail worker. The outbox room sits above identity, so the application binds this port to the
 * outbox service (`AppPortsModule`) instead of identity importing it.
 */
export abstract class OutboxWriter {
  abstract enqueue(
    messages: { kind: string; payload: unknown }[],
    at: Date,
    manager?: EntityManager,
  ): Promise<void>;
}
