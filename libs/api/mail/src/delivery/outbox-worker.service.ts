/**
 * Delivers the outbox: claims due rows (MariaDB: `FOR UPDATE SKIP LOCKED`; SQLite: a
 * conditional UPDATE per row), renders and sends each through `MailService`, retries retryable
 * failures with exponential backoff and jitter, and marks permanent ones (on the ticket's
 * timeline too). Several workers may share one database: a row is held by one claim at a time,
 * and only the claim holder may mark it sent.
 *
 * A row is sent only under a claim still held. Just before each send the row's claim is checked
 * and extended in one conditional UPDATE: a row whose claim went to another worker meanwhile is
 * left to that worker, never sent from here. While a row is being sent its claim is renewed every
 * `CLAIM_RENEW_MS` (one UPDATE by primary key), so an SMTP server slower than a claim lasts does
 * not hand that row to another worker mid-send. The rows of the pass still waiting their turn are
 * not renewed: behind a slow server their claims run out and another worker delivers them (this
 * one then skips them), so one slow pass does not hold the whole batch. Only a worker that dies
 * (or stalls past its claim in the very middle of one SMTP transaction) can still lead to a
 * second copy: delivery is at least once.
 */
import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { DEFAULT_AUTO_REPLY_POLICY, mayAutoReply, nextAutoReplyAt } from '@sigap/mail-threading';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import type { RequesterContactEntity } from '@sigap/api-opds';
import { backoffMs, CLAIM_MS, claimOutboxRows, OutboxEntity } from '@sigap/api-outbox';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { InboundMessageEntity } from '../inbound/inbound-message.entity';
import { MailService } from '../mail.service';
import { classifySmtpError, type SmtpErrorClassification } from '../transport/mail-transport';
import { REQUESTER_LIMITED_KINDS } from './kinds';
import { OutboxPayloadError, parsePayload, preparerFor, type PreparedMail } from './outbox-mail';
import { MetricsService } from '@sigap/api-observability';

/** Kinds sent automatically to a requester: limited per address, never to a bounced one. */
export const AUTOMATIC_KINDS: string[] = [...REQUESTER_LIMITED_KINDS];

export { backoffMs, CLAIM_MS } from '@sigap/api-outbox';
/** How often a worker renews the claims of the rows it is still delivering. */
export const CLAIM_RENEW_MS = 2_000;

export interface RunResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Held back by the per-contact limit of automatic mail; due again when the limit allows. */
  deferred: number;
  /** Claimed, but the claim went to another worker before sending: left to that worker. */
  lost: number;
}

@Injectable()
export class OutboxWorker implements OnModuleInit, OnModuleDestroy {
  readonly id = `w-${randomBytes(6).toString('hex')}`;
  private readonly log = new Logger('OutboxWorker');
  /** Every pass is a run of the `outbox` job in the metrics (duration, and error when it threw). */
  private readonly job = new PeriodicJob<RunResult>(async () => {
    if (this.job.busy) return;
    await this.runOnce().catch((e: unknown) =>
      this.log.error(`pengiriman outbox gagal: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, 'outbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendars: CalendarProvider,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  onModuleInit(): void {
    if (this.config.outboxIntervalSeconds > 0) this.start(this.config.outboxIntervalSeconds * 1000);
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.job.shutdown();
  }

  /** One pass: claims up to `batch` due rows and delivers them (joins a pass under way). */
  runOnce(batch = 20): Promise<RunResult> {
    return this.job.underWay ?? this.job.track(this.deliver(batch).then((r) => this.count(r)));
  }

  /** Each row's outcome, in the metrics (`sigap_outbox_deliveries_total{result}`). */
  private count(result: RunResult): RunResult {
    const counter = this.metrics?.outboxDeliveries;
    if (counter) {
      for (const key of ['sent', 'retried', 'failed', 'deferred', 'lost'] as const)
        if (result[key]) counter.inc({ result: key }, result[key]);
    }
    return result;
  }

  /** Runs passes until nothing due is left (tests, shutdown). */
  async drain(maxPasses = 100): Promise<RunResult> {
    const total: RunResult = {
      claimed: 0,
      sent: 0,
      retried: 0,
      failed: 0,
      deferred: 0,
      lost: 0,
    };
    for (let i = 0; i < maxPasses; i++) {
      const r = await this.runOnce();
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      total.deferred += r.deferred;
      total.lost += r.lost;
      if (!r.claimed) break;
    }
    return total;
  }

  private async deliver(batch: number): Promise<RunResult> {
    const result: RunResult = {
      claimed: 0,
      sent: 0,
      retried: 0,
      failed: 0,
      deferred: 0,
      lost: 0,
    };
    const rows = await this.claim(batch);
    result.claimed = rows.length;
    if (!rows.length) return result;
    const sending = new Set<string>();
    const stopRenewing = this.keepClaimed(sending);
    try {
      for (const row of rows) {
        sending.add(row.id);
        const outcome = await this.deliverOne(row);
        sending.delete(row.id);
        result[outcome]++;
      }
    } finally {
      await stopRenewing();
    }
    return result;
  }

  /**
   * Renews the claims of the rows in `held` (the one being sent) every `CLAIM_RENEW_MS` until
   * stopped (renewals one after another, never overlapping). A row another worker has taken
   * meanwhile is not touched: the UPDATE names this worker as the holder.
   */
  private keepClaimed(held: Set<string>): () => Promise<void> {
    let renewing: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(() =>
        this.renewClaims([...held]).catch((error: unknown) =>
          this.log.warn(`klaim outbox tidak dapat diperpanjang: ${(error as Error).message}`),
        ),
      );
    }, CLAIM_RENEW_MS);
    return async () => {
      clearInterval(timer);
      await renewing;
    };
  }

  private async renewClaims(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ claimedUntil: new Date(this.clock.nowMs() + CLAIM_MS) })
      .where("id IN (:...ids) AND claimed_by = :me AND status = 'pending'", { ids, me: this.id })
      .execute();
  }

  /** Takes due mail rows for this worker; returns those it now holds. */
  claim(batch: number): Promise<OutboxEntity[]> {
    return claimOutboxRows(this.dataSource, {
      channel: 'mail',
      workerId: this.id,
      batch,
      now: this.clock.now(),
    });
  }

  private async deliverOne(
    row: OutboxEntity,
  ): Promise<'sent' | 'retried' | 'failed' | 'deferred' | 'lost'> {
    let ticketNumber: string | null = row.ticketNumber ?? null;
    try {
      const payload = parsePayload(row.payload);
      // Known before preparing, so a row that cannot be prepared still shows on its ticket.
      if (!ticketNumber && typeof payload['ticket'] === 'string') ticketNumber = payload['ticket'];
      const prepare = preparerFor(row.kind);
      const manager = this.dataSource.manager;
      const prepared = await prepare(payload, {
        config: this.config,
        manager,
        threadIds: (n) => this.threadIds(n),
        nextSeq: (n) => this.nextSeq(n),
        calendar: (office) => this.calendars.forOffice(office),
        now: () => this.clock.now(),
      });
      ticketNumber = prepared.ticketNumber;
      if (prepared.automaticTo) {
        const held = await this.holdAutomatic(row, prepared, prepared.automaticTo);
        if (held) return held;
      }
      const built = this.mail.compose({
        ...prepared.request,
        nonce: row.id.replace(/-/g, '').toLowerCase().slice(0, 32),
      });
      // Sent only under a claim still held, extended for the send; in the same statement the
      // Message-ID is remembered, so a reply can thread even if we crash now.
      const still = await this.dataSource
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({
          messageId: built.messageId,
          ticketNumber,
          recipient: prepared.recipient.toLowerCase(),
          claimedUntil: new Date(this.clock.nowMs() + CLAIM_MS),
        })
        .where("id = :id AND claimed_by = :me AND status = 'pending'", { id: row.id, me: this.id })
        .execute();
      if (!still.affected) {
        this.log.warn(
          `baris outbox ${row.id}: klaim diambil pekerja lain, tidak dikirim dari sini`,
        );
        return 'lost';
      }
      await this.mail.send(built);
      const done = await this.dataSource.manager.update(
        OutboxEntity,
        { id: row.id, claimedBy: this.id },
        {
          status: 'sent',
          sentAt: this.clock.now(),
          attempts: row.attempts + 1,
          claimedBy: null,
          claimedUntil: null,
          lastError: null,
          ...(prepared.payloadAfterSend
            ? { payload: JSON.stringify(prepared.payloadAfterSend) }
            : {}),
        },
      );
      if (!done.affected) this.log.warn(`baris outbox ${row.id}: klaim hilang setelah terkirim`);
      return 'sent';
    } catch (error) {
      const c: SmtpErrorClassification =
        error instanceof OutboxPayloadError || (error as Error)?.name === 'MailMessageError'
          ? { kind: 'permanent', reason: (error as Error).message }
          : classifySmtpError(error);
      return this.recordFailure(row, c, ticketNumber);
    }
  }

  /**
   * Automatic mail to a requester: a bounced address is skipped (a permanent failure, shown on
   * the ticket); the 4th automatic mail to one address within 10 minutes waits until the limit
   * allows it (nothing is dropped, no attempt is counted).
   */
  private async holdAutomatic(
    row: OutboxEntity,
    prepared: PreparedMail,
    contact: RequesterContactEntity,
  ): Promise<'failed' | 'deferred' | null> {
    const now = this.clock.now();
    if (contact.emailBouncedAt) {
      const reason = `dilewati: alamat ${prepared.recipient} ditandai terpental sejak ${contact.emailBouncedAt.toISOString()} (${contact.emailBounceReason ?? 'tanpa keterangan'})`;
      await this.dataSource.transaction(async (manager) => {
        await manager.update(
          OutboxEntity,
          { id: row.id, claimedBy: this.id },
          {
            status: 'failed',
            lastError: reason.slice(0, 500),
            recipient: prepared.recipient.toLowerCase(),
            ticketNumber: prepared.ticketNumber,
            claimedBy: null,
            claimedUntil: null,
          },
        );
        if (prepared.ticketNumber) {
          await markMailFailedOnTicket(
            manager,
            prepared.ticketNumber,
            { ...row, recipient: prepared.recipient },
            reason.slice(0, 500),
            now,
            'mail.skipped',
          );
        }
      });
      this.log.warn(`pengiriman ${row.kind} ${row.id} ${reason}`);
      return 'failed';
    }
    const since = new Date(now.getTime() - DEFAULT_AUTO_REPLY_POLICY.windowMs);
    const recent = await this.dataSource.getRepository(OutboxEntity).find({
      select: { id: true, sentAt: true },
      where: {
        recipient: prepared.recipient.toLowerCase(),
        status: 'sent',
        kind: In(AUTOMATIC_KINDS),
        sentAt: MoreThan(since),
      },
    });
    const history = recent.map((r) => r.sentAt as Date);
    if (mayAutoReply(history, now)) return null;
    const next = new Date(nextAutoReplyAt(history, now));
    await this.dataSource.manager.update(
      OutboxEntity,
      { id: row.id, claimedBy: this.id },
      {
        nextAttemptAt: next,
        lastError: `ditahan: batas ${DEFAULT_AUTO_REPLY_POLICY.max} e-mail otomatis per ${DEFAULT_AUTO_REPLY_POLICY.windowMs / 60_000} menit ke ${prepared.recipient}`,
        claimedBy: null,
        claimedUntil: null,
      },
    );
    return 'deferred';
  }

  private async recordFailure(
    row: OutboxEntity,
    c: SmtpErrorClassification,
    ticketNumber: string | null,
  ): Promise<'retried' | 'failed'> {
    const attempts = row.attempts + 1;
    const now = this.clock.now();
    const reason = c.reason.slice(0, 500);
    if (c.kind === 'retryable' && attempts < this.config.outboxMaxAttempts) {
      await this.dataSource.manager.update(
        OutboxEntity,
        { id: row.id, claimedBy: this.id },
        {
          attempts,
          lastError: reason,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          claimedBy: null,
          claimedUntil: null,
        },
      );
      this.log.warn(`pengiriman ${row.kind} ${row.id} gagal (percobaan ${attempts}): ${reason}`);
      return 'retried';
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        OutboxEntity,
        { id: row.id, claimedBy: this.id },
        { status: 'failed', attempts, lastError: reason, claimedBy: null, claimedUntil: null },
      );
      if (ticketNumber) await markMailFailedOnTicket(manager, ticketNumber, row, reason, now);
    });
    this.log.error(`pengiriman ${row.kind} ${row.id} gagal permanen: ${reason}`);
    return 'failed';
  }

  /** Message-IDs of the ticket's thread, oldest first: what we sent and what we received. */
  async threadIds(ticketNumber: string): Promise<string[]> {
    const sent = await this.dataSource.getRepository(OutboxEntity).find({
      select: { messageId: true, createdAt: true },
      where: { ticketNumber, messageId: Not(IsNull()), status: In(['sent', 'pending']) },
      order: { createdAt: 'ASC' },
    });
    const received = await this.dataSource.getRepository(InboundMessageEntity).find({
      select: { messageId: true, receivedAt: true },
      where: { ticketNumber },
      order: { receivedAt: 'ASC' },
    });
    return [
      ...sent.map((r) => ({ id: r.messageId as string, at: r.createdAt.getTime() })),
      ...received.map((r) => ({ id: r.messageId, at: r.receivedAt.getTime() })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((r) => r.id);
  }

  private async nextSeq(ticketNumber: string): Promise<number> {
    const count = await this.dataSource
      .getRepository(OutboxEntity)
      .count({ where: { ticketNumber, messageId: Not(IsNull()) } });
    return count + 1;
  }
}

/** Shows a mail that could not be delivered on its ticket's timeline (a system event). */
export async function markMailFailedOnTicket(
  manager: DataSource['manager'],
  ticketNumber: string,
  row: Pick<OutboxEntity, 'id' | 'kind' | 'messageId' | 'recipient'>,
  reason: string,
  at: Date,
  code: 'mail.failed' | 'mail.skipped' = 'mail.failed',
): Promise<void> {
  const ticket = await manager.findOne(TicketEntity, {
    select: { id: true },
    where: { number: ticketNumber },
  });
  if (!ticket) return;
  const entry = manager.create(TimelineEntryEntity, {
    ticketId: ticket.id,
    kind: 'event',
    event: code,
    authorId: null,
    body: `E-mail tidak terkirim ke ${row.recipient ?? 'pemohon'}: ${reason}`,
    data: { outboxId: row.id, kind: row.kind, messageId: row.messageId ?? null, reason },
    at,
  });
  await manager.save(entry);
}
