import { Injectable, Logger } from '@nestjs/common';
import type { Channel } from '@sigap/standards';
import type { StepView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { ComplaintsService } from '@sigap/api-complaints';
import { AppConfig } from '@sigap/api-config';
import { DashboardRefreshService } from '@sigap/api-dashboards';
import type { AuthUser } from '@sigap/api-identity';
import { DEMO_ADMIN_EMAIL, DEMO_DOMAIN } from '@sigap/api-identity';
import { UsersService } from '@sigap/api-identity';
import { OfficesService } from '@sigap/api-offices';
import { OpdsService } from '@sigap/api-opds';
import { SurveyService } from '@sigap/api-survey';
import { resolveSurveySecret, signSurveyToken } from '@sigap/api-survey';
import { dialectOf, readInstant } from '@sigap/api-database';
import { TicketActionsService } from '@sigap/api-tickets';
import { TicketOpeningService } from '@sigap/api-tickets';
import { SeededRandom } from './random';
import { EventQueue } from './event-queue';
import {
  COMPLAINT_TEXTS,
  OPD_NAMES,
  PEOPLE,
  REQUEST_SUBJECTS,
  RETURN_REASONS,
  SURVEY_COMMENTS,
  slug,
} from './demo-texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How much history, per office. */
export interface DemoHistoryVolume {
  /** Requests opened over the period, per office. */
  requests: number;
  /** Complaints, suggestions and feedback over the period, per office. */
  complaints: number;
  /** Days of history before `until`. */
  days: number;
}

/**
 * The default: enough for every chart and for the IKM's respondents (Bali's manager sees more
 * than 50 closed requests and 30 questionnaires), small enough to start within a minute.
 */
export const DEFAULT_VOLUME: DemoHistoryVolume = { requests: 78, complaints: 14, days: 365 };

export interface DemoHistoryOptions {
  seed: number;
  volume?: Partial<DemoHistoryVolume>;
  /** The end of the history (default: now). */
  until?: Date;
}

export interface DemoHistorySummary {
  seed: number;
  requests: number;
  closed: number;
  returned: number;
  complaints: number;
  complaintsAnswered: number;
  surveys: number;
  actions: number;
  seconds: number;
  /** Processor seconds of this process during the generation (the rest is waiting). */
  cpuSeconds: number;
  /** Milliseconds spent per kind of domain action (where the time goes). */
  timing: Record<string, number>;
}

interface OfficeContext {
  code: string;
  service: string;
  offsetMs: number;
  helpdesk: AuthUser;
  contacts: { id: string; email: string }[];
  /** How well this office serves (moves the survey scores). */
  quality: number;
}

interface RequestCase {
  office: OfficeContext;
  contact: { id: string; email: string };
  channel: Channel;
  /** How quickly this ticket moves against its time standards (1 = exactly on target). */
  pace: number;
  returned: boolean;
  detail: TicketDetail | null;
  rejected: string | null;
}

/**
 * The demo's year of history, made through the domain: for each office it opens requests from
 * several OPDs, receives and verifies their documents (some returned to the requester and
 * answered), has each step completed by its assignee, resolves and closes them, files complaints
 * and answers them, and submits satisfaction surveys through the survey links, each action with
 * the clock set to its historical instant. Actions run in time order across all tickets, so the
 * tickets' change stamps grow as they would have. The dashboards' rollups are refreshed at the
 * end.
 */
@Injectable()
export class DemoHistoryService {
  private readonly logger = new Logger('DemoHistory');
  private readonly users = new Map<string, AuthUser>();
  private timing: Record<string, number> = {};
  private actions = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendars: CalendarProvider,
    private readonly offices: OfficesService,
    private readonly usersService: UsersService,
    private readonly opds: OpdsService,
    private readonly opening: TicketOpeningService,
    private readonly ticketActions: TicketActionsService,
    private readonly complaints: ComplaintsService,
    private readonly surveys: SurveyService,
    private readonly refresher: DashboardRefreshService,
  ) {}

  /**
   * Generates the history once: only when no marker row exists and the database has no tickets
   * (a database in use is never filled with invented history). Returns null when skipped, or
   * when the generation failed (logged; the start goes on).
   */
  async ensure(options: DemoHistoryOptions): Promise<DemoHistorySummary | null> {
    const marker = (await this.dataSource.query(
      'SELECT completed_at FROM demo_history WHERE id = 1',
    )) as { completed_at: unknown }[];
    if (marker.length) {
      if (!marker[0].completed_at)
        this.logger.warn('Riwayat demo pernah dimulai tetapi tidak selesai; tidak dibuat ulang.');
      return null;
    }
    const [{ n }] = (await this.dataSource.query('SELECT COUNT(*) AS n FROM tickets')) as {
      n: number | string;
    }[];
    if (Number(n) > 0) {
      this.logger.log('Basis data sudah berisi tiket; riwayat demo tidak dibuat.');
      return null;
    }
    const startedAt = new Date();
    await this.dataSource.query(
      'INSERT INTO demo_history (id, seed, started_at, completed_at, summary) VALUES (1, ?, ?, NULL, NULL)',
      [options.seed, dialectOf(this.dataSource.manager).instant(startedAt)],
    );
    let summary: DemoHistorySummary;
    try {
      summary = await this.withoutCommitSync(() => this.generate(options));
    } catch (error) {
      // The demo still starts, with what was made; the marker stays incomplete and says so.
      this.logger.error(
        `Riwayat demo gagal dibuat: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
    await this.dataSource.query(
      'UPDATE demo_history SET completed_at = ?, summary = ? WHERE id = 1',
      [dialectOf(this.dataSource.manager).instant(new Date()), JSON.stringify(summary)],
    );
    this.logger.log(
      `Riwayat demo dibuat dalam ${summary.seconds.toFixed(1)} detik ` +
        `(${summary.cpuSeconds.toFixed(1)} detik prosesor): ${summary.requests} permohonan ` +
        `(${summary.closed} ditutup, ${summary.returned} dikembalikan untuk dokumen), ` +
        `${summary.complaints} pengaduan (${summary.complaintsAnswered} dijawab), ` +
        `${summary.surveys} survei (seed ${summary.seed}).`,
    );
    return summary;
  }

  /**
   * Runs the generation with SQLite's commits not waiting for the disk (WAL, `synchronous =
   * NORMAL`: a commit survives a crash of the process, only a power loss may take the last ones),
   * then restores the setting. Measured: with a disk sync on each of the history's thousands of
   * small transactions, most of the start went waiting for the disk. Losing the tail of the
   * history to a power cut is harmless: its marker stays incomplete and the start says so.
   */
  private async withoutCommitSync<T>(run: () => Promise<T>): Promise<T> {
    if (dialectOf(this.dataSource).name !== 'sqlite') return run();
    const [row] = (await this.dataSource.query('PRAGMA synchronous')) as { synchronous: number }[];
    const previous = Number(row?.synchronous ?? 2);
    await this.dataSource.query('PRAGMA synchronous = NORMAL');
    try {
      return await run();
    } finally {
      await this.dataSource.query(
        `PRAGMA synchronous = ${Number.isInteger(previous) ? previous : 2}`,
      );
    }
  }

  /** When the history was generated, or null. */
  async generatedAt(): Promise<Date | null> {
    const rows = (await this.dataSource.query(
      'SELECT completed_at FROM demo_history WHERE id = 1',
    )) as { completed_at: Date | string | null }[];
    return rows.length ? readInstant(rows[0].completed_at) : null;
  }

  /** Generates the history (the caller has checked that it should). */
  async generate(options: DemoHistoryOptions): Promise<DemoHistorySummary> {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const volume = { ...DEFAULT_VOLUME, ...options.volume };
    const until = (options.until ?? new Date()).getTime();
    const from = until - volume.days * DAY;
    const random = new SeededRandom(options.seed);
    this.timing = {};
    this.actions = 0;
    const summary: DemoHistorySummary = {
      seed: options.seed,
      requests: 0,
      closed: 0,
      returned: 0,
      complaints: 0,
      complaintsAnswered: 0,
      surveys: 0,
      actions: 0,
      seconds: 0,
      cpuSeconds: 0,
      timing: {},
    };
    const queue = new EventQueue();
    try {
      const admin = await this.user(DEMO_ADMIN_EMAIL);
      const offices: OfficeContext[] = [];
      this.clock.set(from - DAY);
      for (const office of await this.offices.list()) {
        const context = await this.prepareOffice(office.code, admin, random);
        if (context) offices.push(context);
      }
      for (const office of offices) {
        for (const at of openingInstants(random, from, until, volume.requests)) {
          const c: RequestCase = {
            office,
            contact: random.pick(office.contacts),
            channel: random.weighted<Channel>([
              ['letter', 5],
              ['email', 3],
              ['portal', 2],
              ['walk-in', 1],
            ]),
            pace: within(
              random,
              random.weighted<readonly [number, number]>([
                [[0.3, 0.85], 62],
                [[0.85, 1], 20],
                [[1.2, 1.8], 11],
                [[2.2, 3.2], 7],
              ]),
            ),
            returned: random.chance(0.18),
            detail: null,
            rejected: null,
          };
          queue.push(working(at, office.offsetMs), () =>
            this.openRequest(c, queue, random, summary),
          );
        }
        for (const at of openingInstants(random, from, until, volume.complaints)) {
          queue.push(working(at, office.offsetMs), () =>
            this.fileComplaint(office, queue, random, summary),
          );
        }
      }
      for (let next = queue.pop(); next; next = queue.pop()) {
        if (next.at > until) continue;
        this.clock.set(next.at);
        await next.run();
      }
    } finally {
      this.clock.release();
    }
    await this.timed('dashboards.refresh', () => this.refresher.refresh());
    summary.actions = this.actions;
    summary.timing = Object.fromEntries(
      Object.entries(this.timing).map(([k, v]) => [k, Math.round(v)]),
    );
    summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    summary.cpuSeconds = (used.user + used.system) / 1e6;
    return summary;
  }

  // ---- the offices ----

  private async prepareOffice(
    code: string,
    admin: AuthUser,
    random: SeededRandom,
  ): Promise<OfficeContext | null> {
    const helpdeskEmail = `helpdesk.${code}@${DEMO_DOMAIN}`;
    const helpdesk = await this.user(helpdeskEmail).catch(() => null);
    const services = (await this.dataSource.query(
      "SELECT code FROM catalog_services WHERE office_code = ? AND status = 'active' ORDER BY code",
      [code],
    )) as { code: string }[];
    if (!helpdesk || !services.length) return null;
    const calendar = await this.calendars.forOffice(code);
    const offsetMs = zoneOffset(calendar.timeZone);
    const contacts: OfficeContext['contacts'] = [];
    const names = [...OPD_NAMES].sort(() => random.next() - 0.5).slice(0, 6);
    for (const name of names) {
      const domain = `${slug(name)}.${code}.${DEMO_DOMAIN}`;
      const opd = await this.timed('opd.create', () =>
        this.opds.create(admin, { name, office: code, emailDomains: [domain] }),
      );
      for (let i = 0; i < 2; i++) {
        const person = random.pick(PEOPLE);
        const email = `${slug(person)}${random.int(1, 99)}@${domain}`;
        const contact = await this.timed('contact.create', () =>
          this.opds.createContact(admin, code, { name: person, email, opdId: opd.id }),
        );
        contacts.push({ id: contact.id, email });
      }
    }
    return {
      code,
      service: services[0].code,
      offsetMs,
      helpdesk,
      contacts,
      quality: random.between(-0.25, 0.35),
    };
  }

  // ---- requests ----

  private async openRequest(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const subject = random.pick(REQUEST_SUBJECTS);
    c.detail = await this.timed('ticket.open', () =>
      this.opening.open(c.office.helpdesk, {
        office: c.office.code,
        service: c.office.service,
        channel: c.channel,
        subject,
        description: `${subject}. Permohonan disampaikan melalui ${channelText(c.channel)}.`,
        requesterId: c.contact.id,
      }),
    );
    summary.requests++;
    this.later(queue, c, random.between(10, 120) * MINUTE, () =>
      this.checkDocuments(c, queue, random, summary),
    );
  }

  private async checkDocuments(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const items = this.detail(c).checklist;
    const required = items.filter((i) => !i.optional);
    const rejected = c.returned && required.length ? random.pick(required).code : null;
    for (const item of items) {
      if (item.code === rejected) continue;
      await this.act(c, 'checklist', () =>
        this.ticketActions.checklist(
          c.office.helpdesk,
          this.detail(c).number,
          this.detail(c).version,
          item.code,
          'verified',
          null,
        ),
      );
    }
    if (rejected) {
      const reason = random.pick(RETURN_REASONS);
      await this.act(c, 'checklist', () =>
        this.ticketActions.checklist(
          c.office.helpdesk,
          this.detail(c).number,
          this.detail(c).version,
          rejected,
          'rejected',
          reason,
        ),
      );
      await this.act(c, 'return', () =>
        this.ticketActions.returnToRequester(
          c.office.helpdesk,
          this.detail(c).number,
          this.detail(c).version,
          reason,
        ),
      );
      c.rejected = rejected;
      summary.returned++;
      this.later(queue, c, random.between(1, 9) * DAY, () =>
        this.requesterAnswered(c, queue, random, summary),
      );
      return;
    }
    this.nextStep(c, queue, random, summary);
  }

  private async requesterAnswered(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    await this.act(c, 'answered', () =>
      this.ticketActions.requesterAnswered(
        c.office.helpdesk,
        this.detail(c).number,
        this.detail(c).version,
        'Dokumen yang kurang sudah dikirim pemohon.',
      ),
    );
    const code = c.rejected as string;
    await this.act(c, 'checklist', () =>
      this.ticketActions.checklist(
        c.office.helpdesk,
        this.detail(c).number,
        this.detail(c).version,
        code,
        'verified',
        null,
      ),
    );
    this.nextStep(c, queue, random, summary);
  }

  /** Schedules the completion of the next active step, or the resolution when none is left. */
  private nextStep(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): void {
    const detail = this.detail(c);
    const active = detail.steps.find((s) => s.status === 'active');
    if (!active) {
      if (detail.steps.every((s) => s.status === 'done'))
        this.later(queue, c, random.between(30, 240) * MINUTE, () =>
          this.resolve(c, queue, random, summary),
        );
      return;
    }
    const now = this.clock.nowMs();
    const finish = stepFinish(active, detail, c.pace * random.between(0.8, 1.2), now);
    queue.push(working(Math.max(finish, now + 5 * MINUTE), c.office.offsetMs), async () => {
      await this.completeStep(c, active.order);
      this.nextStep(c, queue, random, summary);
    });
  }

  private async completeStep(c: RequestCase, order: number): Promise<void> {
    const step = this.detail(c).steps.find((s) => s.order === order) as StepView;
    const actor =
      step.requesterSide || !step.assignee
        ? c.office.helpdesk
        : await this.userById(step.assignee.id, c.office.helpdesk);
    await this.act(c, 'step.complete', () =>
      this.ticketActions.completeStep(
        actor,
        this.detail(c).number,
        this.detail(c).version,
        order,
        step.requesterSide
          ? 'Diserahkan kepada pemohon.'
          : `Selesai: ${truncate(step.description)}`,
        null,
      ),
    );
  }

  private async resolve(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    await this.act(c, 'resolve', () =>
      this.ticketActions.resolve(
        c.office.helpdesk,
        this.detail(c).number,
        this.detail(c).version,
        'Layanan selesai diberikan.',
      ),
    );
    this.later(queue, c, random.between(0.5, 3) * DAY, async () => {
      await this.act(c, 'close', () =>
        this.ticketActions.close(c.office.helpdesk, this.detail(c).number, this.detail(c).version),
      );
      summary.closed++;
    });
    if (random.chance(0.68)) {
      const delay = random.between(2, 96) * HOUR;
      queue.push(this.clock.nowMs() + delay, () => this.survey(c, random, summary));
    }
  }

  /** The requester answers the survey through the link the invitation mail carries. */
  private async survey(
    c: RequestCase,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.ticket_id, i.expires_at FROM survey_invitations i
         JOIN tickets t ON t.id = i.ticket_id
        WHERE t.number = ? AND i.used_at IS NULL`,
      [this.detail(c).number],
    )) as { id: string; ticket_id: string; expires_at: Date | string }[];
    if (!rows.length) return;
    const token = signSurveyToken(resolveSurveySecret(this.config), {
      id: rows[0].id,
      ticketId: rows[0].ticket_id,
      expiresAt: readInstant(rows[0].expires_at) as Date,
    });
    const late = this.detail(c).slaState === 'breached' || c.pace > 1.1;
    const scores = surveyScores(random, c.office.quality, late, c.returned);
    const comment = random.chance(0.35) ? random.pick(SURVEY_COMMENTS) : null;
    await this.timed('survey.submit', () => this.surveys.submit(token, scores, comment));
    this.actions++;
    summary.surveys++;
  }

  // ---- complaints ----

  private async fileComplaint(
    office: OfficeContext,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const [category, text] = random.pick(COMPLAINT_TEXTS);
    const person = random.pick(PEOPLE);
    const filed = await this.timed('complaint.file', () =>
      this.complaints.fileByAgent(
        office.helpdesk,
        {
          office: office.code,
          // Always about the office's service: a complaint without one cannot be resolved yet.
          service: office.service,
          category,
          name: person,
          email: `${slug(person)}${random.int(1, 99)}@warga.${office.code}.${DEMO_DOMAIN}`,
          text,
        },
        random.pick<Channel>(['letter', 'phone', 'walk-in', 'email']),
      ),
    );
    this.actions++;
    summary.complaints++;
    // Most are answered within the 5 working days; some late; a few still waiting.
    if (random.chance(0.06)) return;
    const days = within(
      random,
      random.weighted<readonly [number, number]>([
        [[0.1, 3], 70],
        [[3, 6.5], 20],
        [[7.5, 14], 10],
      ]),
    );
    const number = filed.number;
    queue.push(
      working(this.clock.nowMs() + random.between(0.5, 3) * HOUR, office.offsetMs),
      async () => {
        // The helpdesk takes the complaint, then answers it.
        const taken = await this.timed('complaint.assign', () =>
          this.ticketActions.assign(office.helpdesk, number, 1, office.helpdesk.id),
        );
        this.actions++;
        queue.push(working(this.clock.nowMs() + days * DAY, office.offsetMs), () =>
          this.answerComplaint(office, number, taken.version, queue, random, summary),
        );
      },
    );
  }

  private async answerComplaint(
    office: OfficeContext,
    number: string,
    version: number,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const answered = await this.timed('complaint.reply', () =>
      this.ticketActions.reply(
        office.helpdesk,
        number,
        version,
        'Terima kasih atas laporan Anda. Kami sudah menindaklanjutinya bersama tim teknis.',
      ),
    );
    const resolved = await this.timed('complaint.resolve', () =>
      this.ticketActions.resolve(
        office.helpdesk,
        number,
        answered.version,
        'Pengaduan sudah ditindaklanjuti.',
      ),
    );
    this.actions += 2;
    summary.complaintsAnswered++;
    queue.push(working(this.clock.nowMs() + random.between(1, 4) * DAY, office.offsetMs), () =>
      this.timed('complaint.close', () =>
        this.ticketActions.close(office.helpdesk, number, resolved.version),
      ).then(() => {
        this.actions++;
      }),
    );
  }

  // ---- helpers ----

  private later(queue: EventQueue, c: RequestCase, delayMs: number, run: () => Promise<void>) {
    queue.push(working(this.clock.nowMs() + delayMs, c.office.offsetMs), run);
  }

  private detail(c: RequestCase): TicketDetail {
    if (!c.detail) throw new Error('Riwayat demo: tiket belum dibuka');
    return c.detail;
  }

  private async act(c: RequestCase, kind: string, run: () => Promise<TicketDetail>): Promise<void> {
    c.detail = await this.timed(`ticket.${kind}`, run);
    this.actions++;
  }

  private async timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.timing[kind] = (this.timing[kind] ?? 0) + performance.now() - started;
    }
  }

  private async user(email: string): Promise<AuthUser> {
    const cached = this.users.get(email);
    if (cached) return cached;
    const entity = await this.usersService.findByEmail(email);
    const user = entity ? await this.usersService.loadAuthUser(entity.id) : null;
    if (!user) throw new Error(`Riwayat demo: pengguna ${email} tidak ada`);
    this.users.set(email, user);
    this.users.set(user.id, user);
    return user;
  }

  private async userById(id: string, fallback: AuthUser): Promise<AuthUser> {
    const cached = this.users.get(id);
    if (cached) return cached;
    const user = (await this.usersService.loadAuthUser(id)) ?? fallback;
    this.users.set(id, user);
    return user;
  }
}

/** A number drawn evenly from a range. */
function within(random: SeededRandom, [lo, hi]: readonly [number, number]): number {
  return random.between(lo, hi);
}

/** `count` instants spread over [from, until), in order, a little denser in recent months. */
function openingInstants(random: SeededRandom, from: number, until: number, count: number) {
  const span = until - from;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(from + span * Math.sqrt(random.next()) * 0.995);
  return out.sort((a, b) => a - b);
}

/**
 * When an active step is finished, for a ticket moving at `pace` (1 = on its target): against the
 * step's own target and limit when it has a time standard, else against an even share of the
 * ticket's target. Beyond 1 the step finishes between target and limit (late), beyond 2 past the
 * limit (breached).
 */
function stepFinish(step: StepView, detail: TicketDetail, pace: number, now: number): number {
  const activated = step.activatedAt ? Date.parse(step.activatedAt) : now;
  const target = step.clock?.targetDueAt ? Date.parse(step.clock.targetDueAt) : null;
  if (target !== null && target > activated) {
    const limit = step.clock?.limitDueAt ? Date.parse(step.clock.limitDueAt) : target;
    const span = target - activated;
    if (pace <= 1) return activated + pace * span;
    if (pace <= 2) return target + (pace - 1) * Math.max(limit - target, 0.2 * span);
    return Math.max(limit, target) + (pace - 2) * span;
  }
  const ticketTarget = detail.clocks.ticket.targetDueAt ?? detail.clocks.ticket.limitDueAt;
  const received = Date.parse(detail.receivedAt);
  const remaining = detail.steps.filter((s) => s.status !== 'done').length;
  const share = ticketTarget
    ? (Date.parse(ticketTarget) - received) / Math.max(detail.steps.length - 1, 1)
    : 4 * HOUR;
  return now + Math.max(pace * share * (remaining > 0 ? 0.9 : 1), 15 * MINUTE);
}

/** Nine scores 1-4, mostly 3 and 4, lower for late or returned tickets and weaker offices. */
function surveyScores(
  random: SeededRandom,
  quality: number,
  late: boolean,
  returned: boolean,
): number[] {
  const base = 3.2 + quality;
  return Array.from({ length: 9 }, (_, index) => {
    let mean = base;
    if (index === 2 && late) mean -= 0.9; // U3 waktu penyelesaian
    if (index === 0 && returned) mean -= 0.4; // U1 persyaratan
    if (index === 3) mean += 0.5; // U4 biaya: the services are free
    if (index === 7) mean -= 0.2; // U8 sarana dan prasarana
    const value = Math.round(mean + random.between(-0.9, 0.9));
    return Math.min(4, Math.max(1, value));
  });
}

/** The UTC offset of a zone (Indonesia's zones keep no daylight time). */
function zoneOffset(timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(0));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * MINUTE;
}

const WORK_START = 7.5 * 60;
const WORK_END = 16 * 60;

/**
 * The instant moved into office hours (Monday to Friday, 07.30-16.00 local): people act at work.
 * Holidays are left to the SLA calendar, which counts no time on them anyway.
 */
export function working(at: number, offsetMs: number): number {
  let local = at + offsetMs;
  for (let guard = 0; guard < 8; guard++) {
    const day = Math.floor(local / DAY);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const minute = (local - day * DAY) / MINUTE;
    if (weekday >= 1 && weekday <= 5 && minute >= WORK_START && minute < WORK_END)
      return local - offsetMs;
    // The next day's opening, keeping a spread of minutes so actions do not pile up at 07.30.
    const nextDay = minute < WORK_START && weekday >= 1 && weekday <= 5 ? day : day + 1;
    local = nextDay * DAY + (WORK_START + 10 + (minute % 120)) * MINUTE;
  }
  return local - offsetMs;
}

function channelText(channel: Channel): string {
  return (
    {
      letter: 'surat',
      email: 'e-mail',
      portal: 'portal layanan',
      'walk-in': 'datang langsung',
      phone: 'telepon',
    } as const
  )[channel];
}

function truncate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
