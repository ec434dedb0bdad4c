import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxMessage } from '@sigap/api-outbox';
import type { TicketEntity } from './ticket.entity';
import type { NewTimelineEntry, TicketAggregate } from './workflow';

/** A stored file as the ticket actions check it (whose ticket, which office, how large). */
export interface TicketFile {
  id: string;
  ticketId: string | null;
  officeCode: string;
  size: number;
}

type FileFinder = (manager: EntityManager, id: string) => Promise<TicketFile | null>;
/** Points every file of one ticket at another (a merge); answers how many moved. */
type FileMover = (
  manager: EntityManager,
  fromTicketId: string,
  toTicketId: string,
) => Promise<number>;
/** How many files a ticket has (a merge's preview). */
type FileCounter = (manager: EntityManager, ticketId: string) => Promise<number>;

/**
 * Where the ticket actions look up attached files. The attachments module, which depends on
 * tickets, provides the lookup when it starts; the tickets domain never reads its tables.
 */
@Injectable()
export class TicketFiles {
  private finder: FileFinder | null = null;
  private mover: FileMover | null = null;
  private counter: FileCounter | null = null;

  provide(finder: FileFinder, mover?: FileMover, counter?: FileCounter): void {
    this.finder = finder;
    this.mover = mover ?? null;
    this.counter = counter ?? null;
  }

  /** Moves a merged ticket's files to its target, in the merge's transaction. */
  moveAll(manager: EntityManager, fromTicketId: string, toTicketId: string): Promise<number> {
    if (!this.mover) throw new Error('no attachment store is registered for tickets');
    return this.mover(manager, fromTicketId, toTicketId);
  }

  count(manager: EntityManager, ticketId: string): Promise<number> {
    if (!this.counter) throw new Error('no attachment store is registered for tickets');
    return this.counter(manager, ticketId);
  }

  find(manager: EntityManager, id: string): Promise<TicketFile | null> {
    if (!this.finder) throw new Error('no attachment store is registered for tickets');
    return this.finder(manager, id);
  }
}

/** Extra mail for the requester when a ticket is resolved (null: none this time). */
export type ResolutionMail = (
  manager: EntityManager,
  ticket: Pick<TicketEntity, 'id' | 'number' | 'officeCode'>,
  now: Date,
) => Promise<OutboxMessage | null>;

/**
 * What another domain does, in the resolving transaction, when a ticket is resolved by an
 * agent: a major incident resolves the reports linked to it. It may add to the resolved
 * ticket's timeline through `agg`.
 */
export type ResolutionFollowUp = (
  manager: EntityManager,
  agg: TicketAggregate,
  note: string | null,
) => Promise<void>;

/**
 * What other domains add when a ticket is resolved and its requester has an address (the
 * satisfaction survey's invitation), in the resolving transaction, in the order they subscribed;
 * and what they do on any resolution (`followUp`).
 */
@Injectable()
export class TicketResolvedHooks {
  private readonly hooks: ResolutionMail[] = [];
  private readonly followUps: ResolutionFollowUp[] = [];

  subscribe(hook: ResolutionMail): void {
    this.hooks.push(hook);
  }

  subscribeFollowUp(hook: ResolutionFollowUp): void {
    this.followUps.push(hook);
  }

  async followUp(manager: EntityManager, agg: TicketAggregate, note: string | null): Promise<void> {
    for (const hook of this.followUps) await hook(manager, agg, note);
  }

  async mailFor(
    manager: EntityManager,
    ticket: Pick<TicketEntity, 'id' | 'number' | 'officeCode'>,
    now: Date,
  ): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const hook of this.hooks) {
      const message = await hook(manager, ticket, now);
      if (message) out.push(message);
    }
    return out;
  }
}

/** A change about to be written: the ticket as saved and the timeline entries it adds. */
export interface TicketChange {
  ticket: TicketEntity;
  timeline: readonly NewTimelineEntry[];
  now: Date;
  /**
   * The change's outbox, written after the hooks: a hook may add to it, or take a person off a
   * mail that tells them of something they chose to hear of otherwise (the bell's preferences).
   */
  outbox?: OutboxMessage[];
  /** A new ticket, at its opening (its number is allocated); else a stored ticket's change. */
  opened?: boolean;
}

export type TicketChangeHook = (manager: EntityManager, change: TicketChange) => Promise<void>;

/**
 * What other domains write when a stored ticket changes or a ticket is opened, in the change's
 * transaction (the SP4N-LAPOR! answers of a report that came from there, the bell's
 * notifications). A hook reads nothing unless the change concerns it; it never changes the ticket.
 */
@Injectable()
export class TicketChangeHooks {
  private readonly hooks: TicketChangeHook[] = [];

  subscribe(hook: TicketChangeHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, change: TicketChange): Promise<void> {
    for (const hook of this.hooks) await hook(manager, change);
  }
}

/** A link kept by another domain (a report and its major incident), as the ticket sees it. */
export interface ForeignTicketLink {
  kind: 'parent' | 'child';
  ticket: TicketEntity;
}

export type ForeignLinkSource = (
  manager: EntityManager,
  ticket: TicketEntity,
) => Promise<ForeignTicketLink[]>;

/**
 * Links other domains keep between tickets (the incidents domain: a major incident and its
 * reports), listed with the tickets' own links so the workspace shows both.
 */
@Injectable()
export class TicketLinkSources {
  private readonly sources: ForeignLinkSource[] = [];

  subscribe(source: ForeignLinkSource): void {
    this.sources.push(source);
  }

  async linksOf(manager: EntityManager, ticket: TicketEntity): Promise<ForeignTicketLink[]> {
    const out: ForeignTicketLink[] = [];
    for (const source of this.sources) out.push(...(await source(manager, ticket)));
    return out;
  }
}
