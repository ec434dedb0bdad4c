import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { LiveEvent, LiveEventKind } from '@sigap/contracts';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';

/** How often an instance with live clients reads the feed. */
export const LIVE_POLL_MS = 500;
/**
 * How long a row id is read again after it was first seen. Ids are handed out when a change
 * inserts its row, not when it commits, so a smaller id can become visible after a larger one:
 * the mark only passes an id once this long has gone by since it was seen.
 */
const SETTLE_MS = 10_000;
/** Rows older than this are deleted (nobody reconnects to replay them). */
const KEEP_MS = 60 * 60 * 1000;
const PRUNE_EVERY_MS = 5 * 60 * 1000;
const BATCH = 500;

/** A stored live event with what decides who may receive it. */
export interface FeedRow {
  id: number;
  event: LiveEvent;
  /** `,A,B,`: the position codes of the ticket's steps. */
  positions: string;
}

interface RawRow {
  id: number | string;
  ticket_number: string;
  office_code: string;
  positions: string;
  kind: string;
  version: number | string | null;
  at: number | string;
}

/**
 * May this user receive this event? The same rule as reading the ticket (`ticketAccess`):
 * admins everything; others their office only, agents and managers all of it, executors the
 * tickets with a step on a position they hold. API tokens receive nothing.
 */
export function mayReceive(user: AuthUser, row: FeedRow): boolean {
  if (user.apiToken) return false;
  if (hasRole(user, 'admin')) return true;
  if (user.office !== row.event.office) return false;
  if (hasRole(user, 'agent', 'manager')) return true;
  return user.positions.some((code) => row.positions.includes(`,${code},`));
}

/**
 * The live feed of ticket changes on this instance. Changes are written to `ticket_events` in
 * their own transaction by whichever instance makes them; while this instance has at least one
 * listener it reads the rows past its mark every `LIVE_POLL_MS` and hands each to the listeners
 * allowed to see it. With no listener it reads nothing.
 */
@Injectable()
export class LiveFeedService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('LiveFeed');
  private readonly listeners = new Set<(row: FeedRow) => void>();
  /** How to end each open stream (at shutdown). */
  private readonly enders = new Set<() => void>();
  /** Ids above the mark already handed out, with when they were first seen. */
  private readonly seen = new Map<number, number>();
  private mark: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastPrune = 0;
  /** Resolves once the running feed has read its first mark. */
  private marked: Promise<void> = Promise.resolve();
  private markSet: () => void = () => undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The events `user` may receive, from now on, until unsubscribed: first `null` once the feed
   * has its mark (every change committed after that reaches the stream), then the events.
   */
  events(user: AuthUser): Observable<LiveEvent | null> {
    return new Observable<LiveEvent | null>((subscriber) => {
      const listener = (row: FeedRow) => {
        if (mayReceive(user, row)) subscriber.next(row.event);
      };
      const end = () => subscriber.complete();
      this.listeners.add(listener);
      this.enders.add(end);
      this.ensureRunning();
      void this.marked.then(() => {
        if (!subscriber.closed) subscriber.next(null);
      });
      return () => {
        this.enders.delete(end);
        this.listeners.delete(listener);
        if (!this.listeners.size) this.stop();
      };
    });
  }

  /** Writes an event outside a ticket's change (presence): its own short statement. */
  async publish(event: Omit<LiveEvent, 'at'>, positions = ''): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO ticket_events (ticket_number, office_code, positions, kind, version, at) VALUES (?, ?, ?, ?, ?, ?)',
      [
        event.ticket,
        event.office,
        positions,
        event.kind,
        event.version,
        this.clock.now().getTime(),
      ],
    );
  }

  /** Reads the rows past the mark once and hands out the new ones (the timer's beat). */
  async poll(): Promise<void> {
    if (this.mark === null) {
      const rows: { m: number | string | null }[] = await this.dataSource.query(
        'SELECT MAX(id) AS m FROM ticket_events',
      );
      this.mark = Number(rows[0]?.m ?? 0);
      this.markSet();
    }
    const rows: RawRow[] = await this.dataSource.query(
      `SELECT id, ticket_number, office_code, positions, kind, version, at FROM ticket_events WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
      [this.mark],
    );
    const now = Date.now();
    for (const raw of rows) {
      const id = Number(raw.id);
      if (this.seen.has(id)) continue;
      this.seen.set(id, now);
      const row = feedRow(raw);
      for (const listener of [...this.listeners]) listener(row);
    }
    // Settled ids leave the window; a full batch moves the mark at once (a backlog).
    let mark = this.mark;
    for (const [id, at] of this.seen) {
      if (id > mark && (now - at >= SETTLE_MS || rows.length === BATCH)) mark = id;
    }
    for (const id of this.seen.keys()) if (id <= mark) this.seen.delete(id);
    this.mark = mark;
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      const before = this.clock.now().getTime() - KEEP_MS;
      await this.dataSource.query('DELETE FROM ticket_events WHERE at < ?', [before]);
      await this.dataSource.query('DELETE FROM ticket_presence WHERE expires_at < ?', [before]);
    }
  }

  /** The number of open streams on this instance (for tests and metrics). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Ends the open streams before the HTTP server closes: it waits for open responses, and a
   * stream would keep it waiting for minutes. The console reconnects to another instance.
   */
  beforeApplicationShutdown(): void {
    this.closed = true;
    for (const end of [...this.enders]) end();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.stop();
    await this.running;
  }

  private ensureRunning(): void {
    if (this.timer || this.closed) return;
    this.mark = null;
    this.seen.clear();
    this.marked = new Promise<void>((resolve) => (this.markSet = resolve));
    const beat = () => {
      this.running = this.poll()
        .catch((error: unknown) =>
          this.logger.warn(`live feed read failed: ${(error as Error).message}`),
        )
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(beat, LIVE_POLL_MS);
        });
    };
    this.timer = setTimeout(beat, 0);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function feedRow(raw: RawRow): FeedRow {
  return {
    id: Number(raw.id),
    positions: raw.positions ?? '',
    event: {
      kind: raw.kind as LiveEventKind,
      ticket: raw.ticket_number,
      office: raw.office_code,
      version: raw.version === null ? null : Number(raw.version),
      at: new Date(Number(raw.at)).toISOString(),
    },
  };
}
