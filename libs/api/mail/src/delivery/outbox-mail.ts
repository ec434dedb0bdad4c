/**
 * Turns an outbox row into a mail request. Each kind is one file in `kinds/` (its payload as
 * written, how a stored row of it becomes a mail, the templates it uses); this is what the
 * worker and the administrator's preview call. A kind listed nowhere, or a payload that cannot
 * make a message, throws `OutboxPayloadError`: a permanent failure with the reason, never a
 * silent skip.
 */
import { outboxKind, OUTBOX_KINDS } from './kinds';
import { OutboxPayloadError, type PrepareContext, type PreparedMail } from './kinds/kind';
import type { Payload } from './kinds/ticket-mail';

export { OutboxPayloadError, type PrepareContext, type PreparedMail } from './kinds/kind';

type Preparer = (payload: Payload, ctx: PrepareContext) => Promise<PreparedMail>;

/** Row kinds the worker sends, and how. Any other kind is a permanent failure. */
export const OUTBOX_MAIL_KINDS: Readonly<Record<string, Preparer>> = Object.fromEntries(
  Object.values(OUTBOX_KINDS).map((k) => [k.kind, k.prepare as Preparer]),
);

/** How to prepare a row of this kind; an unknown kind is a permanent failure naming it. */
export function preparerFor(kind: string): Preparer {
  const definition = outboxKind(kind);
  if (!definition) {
    throw new OutboxPayloadError(
      `jenis pesan outbox "${kind}" tidak punya templat e-mail (dikenal: ${Object.keys(OUTBOX_KINDS).join(', ')})`,
    );
  }
  return definition.prepare as Preparer;
}

export function parsePayload(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new OutboxPayloadError('payload bukan JSON yang valid');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OutboxPayloadError('payload harus objek JSON');
  }
  return value as Record<string, unknown>;
}
