import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { TicketSlaState } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider, type OfficeCalendar } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { activeAgentIds, activeHolderIds, supervisorHolders } from './assignment';
import { dialectOf } from '@sigap/api-database';
import { ServiceCache } from './service-cache';
import { TicketStepEntity } from './ticket-step.entity';
import { SweepConflict, TicketRepository } from './ticket-repository';
import { FIRST_RESPONSE_CLOCK } from './clocks';
import { event, refreshStoredFigures, type TicketAggregate } from './workflow';

/** The alerts a clock can raise, in order; each is sent at most once per clock (round). */
type AlertLevel = 'at-risk' | 'breached';
const RANK: Record<string, number> = { 'at-risk': 1, breached: 2 };

function alertLevel(state: TicketSlaState): AlertLevel | null {
  return state === 'at-risk' || state === 'breached' ? state : null;
}

/** True when `level` is news compared with the alert already sent (`alerted`). */
function isNewAlert(level: AlertLevel | null, alerted: string | null): level is AlertLevel {
  return level !== null && RANK[level] > (alerted ? (RANK[alerted] ?? 0) : 0);
}

export interface SweepResult {
  /** Tickets whose clocks crossed a threshold and were examined under lock. */
  claimed: number;
  /** Alerts emitted (one timeline entry and one outbox row each). */
  alerts: number;
}

/**
 * Moves running clocks (the ticket's, its first response's, its active steps') to at-risk and
 * breached as time passes and emits each alert once: a timeline event and an outbox row (the
 * mail worker delivers it). Who hears of it:
 * - the ticket clock and the first response: the ticket's assignee, else the office's helpdesk
 *   agents (answering first and routing the ticket is theirs);
 * - a step at risk: its assignee, else the holders of its position, else the office's agents;
 * - a late step escalates to the holder(s) of the position above the step's position
 *   (`positions.reports_to`), else to the office's agents.
 * An alert therefore always names someone; it is never left with no recipient.
 *
 * Safe with several API instances on one database: candidates are read without locks, then
 * each batch is claimed with `SELECT ... FOR UPDATE SKIP LOCKED` on MariaDB (another instance
 * skips rows already claimed, and the ticket actions lock the same rows); SQLite has one writer
 * at a time. Inside the claim the figures are recomputed from the clock logs and every write is
 * guarded by the previous `alerted` value, so an alert already sent is never sent again.
 * Sweeps do not bump the ticket version: they change no user data, only the stored SLA state.
 */
@Injectable()
export class SlaSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlaSweep');
  private readonly job = new PeriodicJob<SweepResult>(() => this.tick(), 'sla-sweep');
  /** Per office, the calendar version for which no open ticket was left with older figures. */
  private readonly reconciled = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Starts the timer (`SIGAP_SLA_SWEEP_SECONDS`, 0 = off); tests drive `sweepOnce` instead. */
  onApplicationBootstrap(): void {
    if (this.config.slaSweepSeconds > 0 && this.config.nodeEnv !== 'test')
      this.start(this.config.slaSweepSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  start(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  stop(): void {
    this.job.stop();
  }

  get started(): boolean {
    return this.job.started;
  }

  private async tick(): Promise<void> {
    if (this.job.busy) return; // the previous sweep is still busy: skip this beat
    try {
      await this.sweepOnce();
    } catch (error) {
      this.logger.error(`Sapuan SLA gagal: ${(error as Error).message}`);
    }
  }

  /** One sweep: every clock due for an alert at `Clock.now()`, in batches. */
  sweepOnce(batchSize = 50): Promise<SweepResult> {
    return this.job.track(this.run(batchSize));
  }

  private async run(batchSize: number): Promise<SweepResult> {
    const now = this.clock.now();
    const total: SweepResult = { claimed: 0, alerts: 0 };
    const seen = new Set<string>();
    for (;;) {
      const candidates = (await this.candidates(now, batchSize * 4)).filter((c) => !seen.has(c.id));
      if (!candidates.length) return total;
      for (let i = 0; i < candidates.length; i += batchSize) {
        const batch = candidates.slice(i, i + batchSize);
        batch.forEach((c) => seen.add(c.id));
        try {
          const r = await this.sweepBatch(batch, now);
          total.claimed += r.claimed;
          total.alerts += r.alerts;
        } catch (error) {
          if (!(error instanceof SweepConflict)) throw error;
        }
      }
    }
  }

  /** Open tickets whose ticket clock, first response or an active step crossed at-risk or due. */
  private async candidates(
    now: Date,
    limit: number,
  ): Promise<{ id: string; number: string; office: string }[]> {
    const m = this.dataSource.manager;
    const at = dialectOf(m).instant(now);
    const lim = Math.max(1, Math.floor(limit));
    const tickets: { id: string; number: string; office: string }[] = await m.query(
      `SELECT id, number, office_code AS office FROM tickets
        WHERE is_open = ? AND ((sla_state = 'running' AND at_risk_at <= ?)
           OR (sla_state IN ('running', 'at-risk') AND due_at <= ?))
        ORDER BY due_at LIMIT ${lim}`,
      [true, at, at],
    );
    const steps: { id: string; number: string; office: string }[] = await m.query(
      `SELECT DISTINCT t.id AS id, t.number AS number, t.office_code AS office
         FROM ticket_steps s JOIN tickets t ON t.id = s.ticket_id
        WHERE s.status = 'active' AND t.is_open = ? AND ((s.sla_state = 'running' AND s.at_risk_at <= ?)
           OR (s.sla_state IN ('running', 'at-risk') AND s.due_at <= ?))
        LIMIT ${lim}`,
      [true, at, at],
    );
    const firstResponses: { id: string; number: string; office: string }[] = await m.query(
      `SELECT id, number, office_code AS office FROM tickets
        WHERE is_open = ? AND first_response_at_risk_at <= ?
          AND (first_response_state = 'running'
           OR (first_response_state = 'at-risk' AND first_response_due_at <= ?))
        ORDER BY first_response_at_risk_at LIMIT ${lim}`,
      [true, at, at],
    );
    const stale = await this.staleCalendar(lim);
    const byId = new Map([...tickets, ...steps, ...firstResponses, ...stale].map((r) => [r.id, r]));
    return [...byId.values()];
  }

  /**
   * Open tickets whose stored figures (the queue's due date, at-risk instant) were computed with
   * an older version of their office's calendar: a holiday confirmed or added, a schedule changed.
   * Recomputing them here makes the queue follow a calendar edit within one sweep, on every
   * instance, without touching the tickets by hand. An office whose calendar version was found
   * with nothing stale is not queried again until its version changes.
   */
  private async staleCalendar(
    limit: number,
  ): Promise<{ id: string; number: string; office: string }[]> {
    const m = this.dataSource.manager;
    const offices: { code: string }[] = await m.query('SELECT code FROM offices');
    const out: { id: string; number: string; office: string }[] = [];
    for (const { code } of offices) {
      if (out.length >= limit) break;
      let version: string;
      try {
        version = (await this.calendars.forOffice(code)).version;
      } catch {
        continue; // no usable calendar: nothing to recompute against
      }
      if (this.reconciled.get(code) === version) continue;
      const rows: { id: string; number: string; office: string }[] = await m.query(
        `SELECT id, number, office_code AS office FROM tickets
          WHERE office_code = ? AND is_open = ? AND calendar_version <> ?
            AND (support_hours IS NULL OR support_hours <> '24x7')
          LIMIT ${limit - out.length}`,
        [code, true, version],
      );
      if (!rows.length) this.reconciled.set(code, version);
      out.push(...rows);
    }
    return out;
  }

  private async sweepBatch(
    batch: { id: string; number: string; office: string }[],
    now: Date,
  ): Promise<SweepResult> {
    const calendars = new Map<string, OfficeCalendar>();
    for (const office of new Set(batch.map((b) => b.office)))
      calendars.set(office, await this.calendars.forOffice(office));
    return this.dataSource.transaction(async (manager) => {
      const marks = batch.map(() => '?').join(', ');
      const lock = dialectOf(manager).forUpdateSkipLocked;
      const claimed: { id: string; number: string; office: string }[] = await manager.query(
        `SELECT id, number, office_code AS office FROM tickets WHERE id IN (${marks}) AND is_open = ?${lock}`,
        [...batch.map((b) => b.id), true],
      );
      let alerts = 0;
      for (const row of claimed) {
        const calendar = calendars.get(row.office) as OfficeCalendar;
        const agg = await this.repository.load(manager, row.number, calendar, null, false);
        agg.now = now;
        alerts += await this.sweepTicket(manager, agg);
      }
      return { claimed: claimed.length, alerts };
    });
  }

  /** Recomputes one claimed ticket's figures, emits its new alerts and stores the states. */
  private async sweepTicket(manager: EntityManager, agg: TicketAggregate): Promise<number> {
    const t = agg.ticket;
    const previousAlert = t.alerted;
    const previousFirstResponseAlert = t.firstResponseAlerted ?? null;
    const stepAlerts = new Map(agg.steps.map((s) => [s.id, s.alerted]));
    refreshStoredFigures(agg, this.cache);
    let alerts = 0;
    let agents: Promise<string[]> | null = null;
    const officeAgents = () => (agents ??= activeAgentIds(manager, t.officeCode));

    const level = alertLevel(t.slaState);
    if (isNewAlert(level, t.alerted)) {
      t.alerted = level;
      const recipients = t.assigneeId ? [t.assigneeId] : await officeAgents();
      const audience = t.assigneeId ? 'assignee' : 'helpdesk';
      const data = { clock: 'ticket', dueAt: t.dueAt.toISOString(), recipients, audience };
      event(agg, level === 'breached' ? 'sla.breached' : 'sla.at_risk', data);
      agg.outbox.push({
        kind: `ticket.sla-${level}`,
        payload: { ticket: t.number, office: t.officeCode, ...data },
      });
      alerts++;
    }

    const frLevel = alertLevel(t.firstResponseState);
    if (t.firstResponseDueAt && isNewAlert(frLevel, previousFirstResponseAlert)) {
      t.firstResponseAlerted = frLevel;
      const recipients = t.assigneeId ? [t.assigneeId] : await officeAgents();
      const data = {
        clock: FIRST_RESPONSE_CLOCK,
        dueAt: t.firstResponseDueAt.toISOString(),
        recipients,
        audience: t.assigneeId ? 'assignee' : 'helpdesk',
      };
      event(
        agg,
        frLevel === 'breached' ? 'sla.first_response_breached' : 'sla.first_response_at_risk',
        data,
      );
      // The same mail as the ticket clock's alert; `clock` says which deadline it is about.
      agg.outbox.push({
        kind: `ticket.sla-${frLevel}`,
        payload: { ticket: t.number, office: t.officeCode, ...data },
      });
      alerts++;
    }

    for (const step of agg.steps) {
      if (step.status !== 'active') continue;
      const stepLevel = alertLevel(step.slaState);
      if (!isNewAlert(stepLevel, step.alerted)) continue;
      step.alerted = stepLevel;
      agg.dirtySteps.add(step);
      const base = {
        clock: `step:${step.stepOrder}`,
        step: step.stepOrder,
        position: step.positionCode,
        assigneeId: step.assigneeId,
        dueAt: step.dueAt?.toISOString() ?? null,
      };
      if (stepLevel === 'breached') {
        // Escalation: the holder(s) of the position the late step's position reports to.
        const above = await supervisorHolders(manager, t.officeCode, step.positionCode);
        const recipients = above.userIds.length ? above.userIds : await officeAgents();
        const audience = above.userIds.length ? 'supervisor' : 'helpdesk';
        const data = { ...base, escalatedTo: above.position, recipients, audience };
        event(agg, 'sla.step_breached', data);
        agg.outbox.push({
          kind: 'ticket.step-escalated',
          payload: { ticket: t.number, office: t.officeCode, ...data },
        });
      } else {
        const data = { ...base, ...(await this.stepRecipients(manager, agg, step)) };
        event(agg, 'sla.step_at_risk', data);
        agg.outbox.push({
          kind: 'ticket.step-sla-at-risk',
          payload: { ticket: t.number, office: t.officeCode, ...data },
        });
      }
      alerts++;
    }

    // Guarded writes: if another sweeper already moved the alert on, this one writes nothing.
    const written = await this.repository.saveSweep(manager, agg, {
      alerted: previousAlert,
      firstResponseAlerted: previousFirstResponseAlert,
      stepAlerts,
    });
    if (!written) return 0;
    return alerts;
  }

  /** Who hears that a step is at risk: its assignee, else its position's holders, else agents. */
  private async stepRecipients(
    manager: EntityManager,
    agg: TicketAggregate,
    step: TicketStepEntity,
  ): Promise<{ recipients: string[]; audience: 'assignee' | 'position' | 'helpdesk' }> {
    if (step.assigneeId) return { recipients: [step.assigneeId], audience: 'assignee' };
    const holders = await activeHolderIds(manager, agg.ticket.officeCode, step.positionCode);
    return holders.length
      ? { recipients: holders, audience: 'position' }
      : { recipients: await activeAgentIds(manager, agg.ticket.officeCode), audience: 'helpdesk' };
  }
}
