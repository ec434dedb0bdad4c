/**
 * The messages the outbox carries: one entry per kind, `kind -> payload as written`. The outbox
 * itself knows no kind: each kind's file (`mail/delivery/kinds/`, where its mail is built) adds
 * its entry to `OutboxPayloads` by declaration merging, so the outbox imports nothing from the
 * rooms that use it and `enqueue` still accepts only the kinds that exist, with their payloads.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface OutboxPayloads {}

export type OutboxKindName = keyof OutboxPayloads;

/** A message to queue: a kind and the payload it is written with. */
export type OutboxMessage = {
  [K in OutboxKindName]: { kind: K; payload: OutboxPayloads[K] };
}[OutboxKindName];
