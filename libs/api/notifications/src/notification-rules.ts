/**
 * What a ticket change tells whom, read from the timeline entries it adds (pure: no database).
 * - `assigned`: the ticket assigned to an agent (`ticket.assigned`), a step assigned or
 *   reassigned to its executor (`step.assigned`), a step activated with its holder
 *   (`step.activated`, at opening too);
 * - `step_at_risk` / `step_breached`: the sweep's alert on an active step, to the step's
 *   assignee; the sweep raises each alert once per step and state;
 * - `requester_replied`: a reply the requester wrote (e-mail, portal, SP4N-LAPOR!), to the
 *   ticket's assignee and the active steps' assignees (the writer reads those);
 * - `mentioned`: the internal notes, whose `@handles` the writer resolves in the office.
 * Nobody is told of what they did themselves.
 */
import type { NotificationKind } from '@sigap/contracts';
import type { OutboxMessage } from '@sigap/api-outbox';
import type { NewTimelineEntry } from '@sigap/api-tickets';

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  step: number | null;
  actorId: string | null;
  excerpt: string | null;
}

/** Timeline events of a requester's own words (never a colleague's). */
export const REQUESTER_WORDS = new Set(['mail.received', 'portal.received', 'lapor.reply']);

export const EXCERPT_MAX = 300;

export function excerptOf(text: string | null | undefined): string | null {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

export interface ChangeReading {
  /** Notifications known from the entries alone. */
  drafts: NotificationDraft[];
  /** The requester's replies (their recipients depend on the ticket's assignees). */
  replies: { excerpt: string | null }[];
  /** Internal notes written by a user (their mentions depend on the office's users). */
  notes: { authorId: string; body: string }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const int = (v: unknown): number | null => (Number.isInteger(v) ? (v as number) : null);

export function readChange(timeline: readonly NewTimelineEntry[]): ChangeReading {
  const out: ChangeReading = { drafts: [], replies: [], notes: [] };
  const add = (
    userId: string | null,
    kind: NotificationKind,
    step: number | null,
    e: NewTimelineEntry,
  ) => {
    if (!userId || userId === e.authorId) return;
    out.drafts.push({ userId, kind, step, actorId: e.authorId ?? null, excerpt: null });
  };
  for (const e of timeline) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.kind === 'note' && e.authorId && e.body) {
      out.notes.push({ authorId: e.authorId, body: e.body });
      continue;
    }
    if (e.kind === 'reply' && !e.authorId && e.event && REQUESTER_WORDS.has(e.event)) {
      out.replies.push({ excerpt: excerptOf(e.body) });
      continue;
    }
    switch (e.event) {
      case 'ticket.assigned':
        add(str(data['to']), 'assigned', null, e);
        break;
      case 'step.assigned':
        add(str(data['to']), 'assigned', int(data['order']), e);
        break;
      case 'step.activated':
        for (const s of Array.isArray(data['steps']) ? data['steps'] : []) {
          const step = (s ?? {}) as Record<string, unknown>;
          add(str(step['assigneeId']), 'assigned', int(step['order']), e);
        }
        break;
      case 'sla.step_at_risk':
        add(str(data['assigneeId']), 'step_at_risk', int(data['step']), e);
        break;
      case 'sla.step_breached':
        add(str(data['assigneeId']), 'step_breached', int(data['step']), e);
        break;
    }
  }
  return out;
}

/** One notification per user, kind and step within one change. */
export function distinctDrafts(drafts: readonly NotificationDraft[]): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.userId}|${d.kind}|${d.step ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The mails that already tell a staff member of the same thing, in the same change: the step
 * assignment, the step's at-risk alert, the requester's reply. They are the "at once" mail of
 * their kind; the bell's preference decides whether they still go to that person.
 */
const DEDICATED: Partial<Record<NotificationKind, string>> = {
  assigned: 'ticket.step-assigned',
  step_at_risk: 'ticket.step-sla-at-risk',
  requester_replied: 'ticket.requester-replied',
};

function reaches(message: OutboxMessage, d: NotificationDraft): boolean {
  if (DEDICATED[d.kind] !== message.kind) return false;
  const p = message.payload as unknown as Record<string, unknown>;
  if (d.kind !== 'requester_replied' && (d.step === null || p['step'] !== d.step)) return false;
  return (
    p['assigneeId'] === d.userId ||
    (Array.isArray(p['recipients']) && p['recipients'].includes(d.userId))
  );
}

/** True when a mail of the change already tells `d`'s user of it. */
export function coveredByMail(outbox: readonly OutboxMessage[], d: NotificationDraft): boolean {
  return outbox.some((m) => reaches(m, d));
}

/**
 * Takes `d`'s user off the mails of the change that tell of it (they chose the bell only or the
 * digest); a mail left with nobody is dropped.
 */
export function withholdMail(outbox: OutboxMessage[], d: NotificationDraft): void {
  for (let i = outbox.length - 1; i >= 0; i--) {
    const m = outbox[i];
    if (!reaches(m, d)) continue;
    const p = m.payload as unknown as Record<string, unknown>;
    const rest = Array.isArray(p['recipients'])
      ? (p['recipients'] as unknown[]).filter((id) => id !== d.userId)
      : [];
    if (p['assigneeId'] === d.userId || !rest.length) outbox.splice(i, 1);
    else outbox[i] = { ...m, payload: { ...p, recipients: rest } } as OutboxMessage;
  }
}
