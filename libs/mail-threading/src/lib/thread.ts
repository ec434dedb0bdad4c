import { normalizeMessageId, parseMessageIdList, senderAddress } from './headers';
import { findMarker, findSubjectTicketNumber, verifyOurMessageId } from './identifiers';
import { htmlToText } from './html-tokenizer';
import { InboundMessage } from './types';

type MaybePromise<T> = T | Promise<T>;

/** What the caller knows; each function may answer synchronously or with a promise. */
export interface ThreadLookups {
  /**
   * The ticket that one of these Message-IDs (normalised, nearest first) was really sent on by
   * us (kept with what we sent) or received on; null when none is known. Ids of our shape are
   * asked too: only ids carrying a valid MAC are taken without asking.
   */
  findTicketByMessageIds(ids: string[]): MaybePromise<string | null | undefined>;
  /**
   * Whether the address (lowercase) may speak for the requester on that ticket: the requester,
   * a contact copied on the ticket, an address of the ticket's OPD domains.
   */
  isParticipant(ticketNumber: string, address: string): MaybePromise<boolean>;
  /** Whether the address is a known contact or belongs to a known OPD domain. */
  isKnownSender(address: string): MaybePromise<boolean>;
  /** Key(s) of the body marker and of our Message-IDs' MAC; several during a key rotation. */
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
      /**
       * A genuine reference or marker of a ticket, from someone who is not a participant of it
       * (or from no address at all): belongs with the ticket but must not act as the
       * requester's answer (no resumed clock, no reopening, no notice) until a person accepts it.
       */
      kind: 'third-party';
      ticketNumber: string;
      via: 'references' | 'marker';
      reason: 'not-participant' | 'no-sender';
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
 * In-Reply-To/References that we really made (its MAC checks out) or that the caller knows
 * (sent or received on a ticket); (b) our hidden body marker (its MAC checks out); (c) the
 * `[#TICKET]` subject tag, only from a participant of that ticket; else (d) a new ticket for a
 * known sender or (e) quarantine. A reference or marker from someone who is not a participant
 * of its ticket gives `third-party`, never `reply`. Classify first: bounces and auto-replies are
 * not for this function.
 */
export async function matchThread(
  message: InboundMessage,
  lookups: ThreadLookups,
): Promise<ThreadMatch> {
  const messageId = normalizeMessageId(message.messageId);
  const ids = referencedIds(message);
  const sender = senderAddress(message);

  const onTicket = async (
    ticketNumber: string,
    via: 'references' | 'marker',
  ): Promise<ThreadMatch> => {
    if (!sender) return { kind: 'third-party', ticketNumber, via, reason: 'no-sender', messageId };
    if (await lookups.isParticipant(ticketNumber, sender))
      return { kind: 'reply', ticketNumber, via, messageId };
    return { kind: 'third-party', ticketNumber, via, reason: 'not-participant', messageId };
  };

  if (ids.length) {
    for (const id of ids) {
      const ours = lookups.ourDomains?.length
        ? verifyOurMessageId(id, { domains: lookups.ourDomains, secret: lookups.markerSecret })
        : null;
      if (ours) return onTicket(ours.ticketNumber, 'references');
    }
    const known = await lookups.findTicketByMessageIds(ids);
    if (known) return onTicket(known, 'references');
  }

  const marked =
    findMarker(message.text, lookups.markerSecret) ??
    (message.html
      ? (findMarker(htmlToText(message.html), lookups.markerSecret) ??
        findMarker(message.html, lookups.markerSecret))
      : null);
  if (marked) return onTicket(marked, 'marker');

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
