import { normalizeMessageId, parseMessageIdList, senderAddress } from './headers';
import { findMarker, findSubjectTicketNumber, parseOurMessageId } from './identifiers';
import { htmlToText } from './html-tokenizer';
import { InboundMessage } from './types';

type MaybePromise<T> = T | Promise<T>;

/** What the caller knows; each function may answer synchronously or with a promise. */
export interface ThreadLookups {
  /** The ticket that one of these Message-IDs (normalised, nearest first) was received or sent on. */
  findTicketByMessageIds(ids: string[]): MaybePromise<string | null | undefined>;
  /** Whether the address (lowercase) is the requester, a cc or an agent of that ticket. */
  isParticipant(ticketNumber: string, address: string): MaybePromise<boolean>;
  /** Whether the address is a known contact or belongs to a known OPD domain. */
  isKnownSender(address: string): MaybePromise<boolean>;
  /** Key(s) of the body marker; several during a key rotation. */
  markerSecret: string | readonly string[];
  /** Our mail domains: only ids of these domains are taken as ours. */
  ourDomains?: readonly string[];
}

export type ThreadMatch =
  | {
      kind: 'reply';
      ticketNumber: string;
      via: 'references' | 'marker' | 'subject';
      messageId: string | null;
    }
  | {
      kind: 'new';
      messageId: string | null;
      /** A ticket named in the subject by someone who is not on it: link, don't merge. */
      mentionedTicketNumber?: string;
    }
  | {
      kind: 'quarantine';
      reason: 'no-sender' | 'unknown-sender';
      messageId: string | null;
      mentionedTicketNumber?: string;
    };

/**
 * Decides which ticket an inbound message belongs to, in this order: (a) a Message-ID in
 * In-Reply-To/References that is ours or that a ticket already has; (b) our hidden body
 * marker; (c) the `[#TICKET]` subject tag, only from a participant of that ticket; else
 * (d) a new ticket for a known sender or (e) quarantine. Classify first: bounces and
 * auto-replies are not for this function.
 */
export async function matchThread(
  message: InboundMessage,
  lookups: ThreadLookups,
): Promise<ThreadMatch> {
  const messageId = normalizeMessageId(message.messageId);
  const ids = referencedIds(message);

  for (const id of ids) {
    const ours = parseOurMessageId(id, { domains: lookups.ourDomains });
    if (ours)
      return { kind: 'reply', ticketNumber: ours.ticketNumber, via: 'references', messageId };
  }
  if (ids.length) {
    const known = await lookups.findTicketByMessageIds(ids);
    if (known) return { kind: 'reply', ticketNumber: known, via: 'references', messageId };
  }

  const marked =
    findMarker(message.text, lookups.markerSecret) ??
    (message.html
      ? (findMarker(htmlToText(message.html), lookups.markerSecret) ??
        findMarker(message.html, lookups.markerSecret))
      : null);
  if (marked) return { kind: 'reply', ticketNumber: marked, via: 'marker', messageId };

  const sender = senderAddress(message);
  const tagged = findSubjectTicketNumber(message.subject);
  if (tagged && sender && (await lookups.isParticipant(tagged, sender))) {
    return { kind: 'reply', ticketNumber: tagged, via: 'subject', messageId };
  }
  const mention = tagged ? { mentionedTicketNumber: tagged } : {};
  if (!sender) return { kind: 'quarantine', reason: 'no-sender', messageId, ...mention };
  if (await lookups.isKnownSender(sender)) return { kind: 'new', messageId, ...mention };
  return { kind: 'quarantine', reason: 'unknown-sender', messageId, ...mention };
}

/** In-Reply-To first, then References from the newest (last) to the oldest; normalised, unique. */
export function referencedIds(message: InboundMessage): string[] {
  const inReplyTo = parseMessageIdList(
    message.inReplyTo ?? message.headers?.['in-reply-to'] ?? null,
  );
  const refs = parseMessageIdList(
    message.references?.length ? message.references : (message.headers?.['references'] ?? null),
  );
  const out: string[] = [];
  for (const id of [...inReplyTo, ...refs.reverse()]) if (!out.includes(id)) out.push(id);
  return out;
}
