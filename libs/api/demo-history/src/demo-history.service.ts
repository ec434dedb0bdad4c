import { Injectable, Logger } from '@nestjs/common';
import type { Channel } from '@sigap/standards';
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
import { dialectOf, readInstant } from '@sigap/api-database';
import { ReviewsService } from '@sigap/api-reviews';
import { TicketActionsService } from '@sigap/api-tickets';
import { TicketOpeningService } from '@sigap/api-tickets';
import { DemoActions } from './demo-actions';
import { DemoComplaints } from './demo-complaints';
import {
  DEFAULT_VOLUME,
  type DemoHistoryOptions,
  type DemoHistorySummary,
  type OfficeContext,
  type RequestCase,
} from './demo-history-model';
import { DAY, openingInstants, within, working, zoneOffset } from './demo-pacing';
import { DemoRequests } from './demo-requests';
import { DemoReviews } from './demo-reviews';
import { OPD_NAMES, PEOPLE, slug } from './demo-texts';
import { EventQueue } from './event-queue';
import { SeededRandom } from './random';

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
  private readonly actions: DemoActions;
  private readonly requests: DemoRequests;
  private readonly complaintCases: DemoComplaints;
  private readonly reviewCases: DemoReviews;

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
    reviews: ReviewsService,
  ) {
    this.actions = new DemoActions(clock, usersService);
    this.requests = new DemoRequests(
      this.actions,
      dataSource,
      config,
      clock,
      opening,
      ticketActions,
      surveys,
    );
    this.complaintCases = new DemoComplaints(this.actions, clock, complaints, ticketActions);
    this.reviewCases = new DemoReviews(this.actions, dataSource, clock, reviews);
  }

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
  private withoutCommitSync<T>(run: () => Promise<T>): Promise<T> {
    return dialectOf(this.dataSource).withoutCommitSync(this.dataSource, run);
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
    this.actions.reset();
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
    const offices: OfficeContext[] = [];
    try {
      const admin = await this.actions.user(DEMO_ADMIN_EMAIL);
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
            this.requests.openRequest(c, queue, random, summary),
          );
        }
        for (const at of openingInstants(random, from, until, volume.complaints)) {
          queue.push(working(at, office.offsetMs), () =>
            this.complaintCases.fileComplaint(office, queue, random, summary),
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
    await this.actions.timed('dashboards.refresh', () => this.refresher.refresh());
    // Each office's past review meetings read the figures the refresh has just brought in.
    try {
      for (const office of offices) await this.reviewCases.record(office, until);
    } finally {
      this.clock.release();
    }
    summary.actions = this.actions.count;
    summary.timing = Object.fromEntries(
      Object.entries(this.actions.timing).map(([k, v]) => [k, Math.round(v)]),
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
    const helpdesk = await this.actions.user(helpdeskEmail).catch(() => null);
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
      const opd = await this.actions.timed('opd.create', () =>
        this.opds.create(admin, { name, office: code, emailDomains: [domain] }),
      );
      for (let i = 0; i < 2; i++) {
        const person = random.pick(PEOPLE);
        const email = `${slug(person)}${random.int(1, 99)}@${domain}`;
        const contact = await this.actions.timed('contact.create', () =>
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
}
