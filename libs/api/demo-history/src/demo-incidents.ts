// The life of the demo's IT incidents, each event scheduled on the generation's queue: reported
// to the helpdesk (at night and at weekends too on a 24x7 service), answered, handled by the
// service owner's position, resolved and closed; a major incident with the reports linked to it;
// recurring incidents gathered under a problem record with its root cause; and a few still open.
import type { IncidentLevel, TicketDetail } from '@sigap/contracts';
import type { Clock } from '@sigap/api-clock';
import type {
  IncidentPublicNoticeService,
  IncidentsService,
  MajorIncidentsService,
  ProblemsService,
} from '@sigap/api-incidents';
import type { TicketActionsService } from '@sigap/api-tickets';
import type { DataSource } from 'typeorm';
import type { Acting, DemoActions } from './demo-actions';
import type { DemoHistorySummary, DemoItService, OfficeContext } from './demo-history-model';
import {
  INCIDENT_FIXES,
  INCIDENT_RESPONSES,
  INCIDENT_TEXTS,
  MAJOR_UPDATES,
  type IncidentText,
  type ProblemText,
} from './demo-it-texts';
import { DAY, HOUR, MINUTE, working } from './demo-pacing';
import type { EventQueue } from './event-queue';
import type { SeededRandom } from './random';

/** One incident of the history. */
export interface IncidentCase extends Acting {
  office: OfficeContext;
  service: DemoItService;
  text: IncidentText;
  impact: IncidentLevel;
  urgency: IncidentLevel;
  /** How quickly it is restored against its resolution target (beyond 1: breached). */
  pace: number;
  /** Still open at the end of the history (never resolved). */
  staysOpen: boolean;
  /** The helpdesk writes public words for the status page. */
  notice: boolean;
  /** Called once the incident is open (a change links it, a problem gathers it). */
  opened?: (c: IncidentCase) => Promise<void>;
  /** Called once it is resolved, before it is closed. */
  resolved?: (c: IncidentCase) => Promise<void>;
  /** Root cause recorded before resolving. */
  rootCause?: string;
  /** A report linked to a major incident: the major incident's update answers it. */
  linked?: boolean;
}

/** The recurring incidents of one problem, and the problem once recorded. */
interface ProblemPlan {
  office: OfficeContext;
  text: ProblemText;
  occurrences: IncidentCase[];
  id: string | null;
  version: number;
  /** Numbers of the occurrences resolved before the problem was recorded. */
  waiting: string[];
}

const LEVELS: readonly (readonly [IncidentLevel, IncidentLevel])[] = [
  ['tinggi', 'tinggi'], // P1
  ['tinggi', 'sedang'], // P2
  ['sedang', 'tinggi'], // P2
  ['sedang', 'sedang'], // P3
  ['rendah', 'tinggi'], // P3
  ['tinggi', 'rendah'], // P3
  ['sedang', 'rendah'], // P4
  ['rendah', 'sedang'], // P4
  ['rendah', 'rendah'], // P4
];
/** Weights of the cells above: most incidents are P3 and P4, a few P1. */
const LEVEL_WEIGHTS = [1, 2, 2, 5, 2, 1, 3, 3, 1];

export class DemoIncidents {
  constructor(
    private readonly actions: DemoActions,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly incidents: IncidentsService,
    private readonly majors: MajorIncidentsService,
    private readonly problems: ProblemsService,
    private readonly notices: IncidentPublicNoticeService,
    private readonly ticketActions: TicketActionsService,
  ) {}

  /** An ordinary incident on one of the office's services, with a drawn priority and pace. */
  draw(office: OfficeContext, random: SeededRandom, service?: DemoItService): IncidentCase {
    const svc = service ?? random.pick(office.itServices);
    const [impact, urgency] = random.weighted(LEVELS.map((l, i) => [l, LEVEL_WEIGHTS[i]] as const));
    return {
      office,
      service: svc,
      text: random.pick(INCIDENT_TEXTS[svc.kind] ?? INCIDENT_TEXTS['application']),
      impact,
      urgency,
      pace: random.weighted<number>([
        [random.between(0.15, 0.6), 60],
        [random.between(0.6, 0.95), 22],
        [random.between(1.1, 1.8), 18],
      ]),
      staysOpen: false,
      notice: svc.publicStatus && impact === 'tinggi' && random.chance(0.6),
      detail: null,
    };
  }

  /**
   * When the incident is reported: a 24x7 service's incidents come at any hour (some at night
   * and at weekends), the others in office hours.
   */
  reportedAt(c: IncidentCase, at: number, random: SeededRandom): number {
    return c.service.supportHours === '24x7' && random.chance(0.45)
      ? at
      : working(at, c.office.offsetMs);
  }

  schedule(queue: EventQueue, at: number, c: IncidentCase, random: SeededRandom, s: Summary) {
    queue.push(at, () => this.open(c, queue, random, s));
  }

  async open(
    c: IncidentCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: Summary,
  ): Promise<void> {
    const contact = random.pick(c.office.contacts);
    c.detail = await this.actions.timed('incident.open', () =>
      this.incidents.open(c.office.helpdesk, {
        office: c.office.code,
        services: [c.service.code],
        impact: c.impact,
        urgency: c.urgency,
        channel: random.weighted([
          ['phone', 5],
          ['email', 3],
          ['portal', 2],
          ['walk-in', 1],
        ] as const),
        subject: c.text.subject,
        description: c.text.description,
        requesterId: contact.id,
      }),
    );
    this.actions.count++;
    summary.incidents++;
    if (c.notice) await this.notice(c);
    if (c.opened) await c.opened(c);
    const detail = this.actions.detail(c);
    if (c.linked) return;
    const respondBy = due(detail.clocks.firstResponse) ?? this.clock.nowMs() + HOUR;
    // Most are answered well within the response target; some late (a busy helpdesk).
    const late = random.chance(0.12);
    const respondAt = this.toward(
      c,
      this.clock.nowMs(),
      respondBy,
      late ? random.between(1.2, 2.5) : random.between(0.15, 0.9),
    );
    queue.push(respondAt, () => this.respond(c, random));
    if (c.staysOpen) return;
    const fixBy = due(detail.clocks.ticket) ?? this.clock.nowMs() + DAY;
    const fixAt = Math.max(
      this.toward(c, this.clock.nowMs(), fixBy, c.pace),
      respondAt + 10 * MINUTE,
    );
    queue.push(fixAt, () => this.fix(c, queue, random, summary));
  }

  private async notice(c: IncidentCase): Promise<void> {
    await this.actions.act(c, 'incident.notice', () =>
      this.notices.update(
        c.office.helpdesk,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
        {
          publicTitle: c.text.publicTitle,
          publicSummary:
            'Tim teknis sedang menangani gangguan ini. Mohon maaf atas ketidaknyamanannya.',
        },
      ),
    );
  }

  private async respond(c: IncidentCase, random: SeededRandom): Promise<void> {
    const detail = this.actions.detail(c);
    if (detail.status === 'resolved' || detail.status === 'closed' || detail.firstResponseAt)
      return;
    await this.actions.act(c, 'incident.reply', () =>
      this.ticketActions.reply(
        c.office.helpdesk,
        detail.number,
        detail.version,
        random.pick(INCIDENT_RESPONSES),
      ),
    );
  }

  /** The owner's position restores the service; the helpdesk resolves, then closes. */
  private async fix(
    c: IncidentCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: Summary,
  ): Promise<void> {
    const fixes = INCIDENT_FIXES[c.service.kind] ?? INCIDENT_FIXES['application'];
    const fix = random.pick(fixes);
    const active = this.actions.detail(c).steps.find((s) => s.status === 'active');
    if (active) {
      const actor = active.assignee
        ? await this.actions.userById(active.assignee.id, c.office.helpdesk)
        : c.office.helpdesk;
      await this.actions.act(c, 'incident.step', () =>
        this.ticketActions.completeStep(
          actor,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
          active.order,
          fix,
          null,
        ),
      );
    }
    if (c.rootCause)
      await this.actions.act(c, 'incident.root_cause', () =>
        this.majors.rootCause(
          c.office.helpdesk,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
          c.rootCause as string,
        ),
      );
    await this.actions.act(c, 'incident.resolve', () =>
      this.ticketActions.resolve(
        c.office.helpdesk,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
        `Layanan pulih. ${fix}`,
      ),
    );
    summary.incidentsResolved++;
    if (c.resolved) await c.resolved(c);
    queue.push(
      working(this.clock.nowMs() + random.between(0.5, 2.5) * DAY, c.office.offsetMs),
      () => this.close(c),
    );
  }

  private async close(c: IncidentCase): Promise<void> {
    const number = this.actions.detail(c).number;
    await this.actions.act(c, 'incident.close', async () =>
      this.ticketActions.close(c.office.helpdesk, number, await this.versionOf(number)),
    );
  }

  /**
   * A major incident: an outage of the office's most critical service reported first by one
   * caller, then by several more within the hour; the helpdesk links the reports to the first,
   * writes the public words and one update to every reporter, and resolving it resolves them.
   */
  major(
    office: OfficeContext,
    at: number,
    queue: EventQueue,
    random: SeededRandom,
    summary: Summary,
  ): void {
    const service =
      office.itServices.find((s) => s.kind === 'data-centre') ??
      office.itServices.find((s) => s.publicStatus) ??
      office.itServices[0];
    const text = random.pick(INCIDENT_TEXTS[service.kind] ?? INCIDENT_TEXTS['application']);
    const children: IncidentCase[] = [];
    const parent: IncidentCase = {
      office,
      service,
      text,
      impact: 'tinggi',
      urgency: 'tinggi',
      pace: random.between(0.5, 0.9),
      staysOpen: true,
      notice: true,
      detail: null,
    };
    const count = random.int(3, 5);
    for (let i = 0; i < count; i++) {
      const child: IncidentCase = {
        ...this.draw(office, random, service),
        text: { ...text, subject: `${text.subject} (laporan OPD)` },
        staysOpen: true,
        notice: false,
        linked: true,
      };
      children.push(child);
      queue.push(at + (i + 1) * random.between(4, 12) * MINUTE, () =>
        this.open(child, queue, random, summary),
      );
    }
    queue.push(at, async () => {
      await this.open(parent, queue, random, summary);
      summary.majorIncidents++;
    });
    // Within the hour: the reports are linked and everyone hears once.
    queue.push(at + 65 * MINUTE, async () => {
      await this.actions.act(parent, 'incident.link', () =>
        this.majors.link(
          office.helpdesk,
          this.actions.detail(parent).number,
          this.actions.detail(parent).version,
          children.filter((c) => c.detail).map((c) => this.actions.detail(c).number),
        ),
      );
      summary.linkedReports += children.filter((c) => c.detail).length;
      await this.actions.act(parent, 'incident.major_update', () =>
        this.majors.postUpdate(
          office.helpdesk,
          this.actions.detail(parent).number,
          this.actions.detail(parent).version,
          random.pick(MAJOR_UPDATES),
        ),
      );
      const fixBy = due(this.actions.detail(parent).clocks.ticket) ?? at + 4 * HOUR;
      const fixAt = Math.max(at + parent.pace * (fixBy - at), this.clock.nowMs() + 20 * MINUTE);
      queue.push(fixAt, async () => {
        await this.fix(parent, queue, random, summary);
        // Resolving the parent resolved its reports; the helpdesk closes them with it.
        summary.incidentsResolved += children.filter((c) => c.detail).length;
        queue.push(
          working(this.clock.nowMs() + random.between(1, 2.5) * DAY, office.offsetMs),
          async () => {
            for (const child of children.filter((c) => c.detail)) await this.close(child);
          },
        );
      });
    });
  }

  /**
   * Incidents of one cause recurring over the period: after the second the helpdesk records a
   * problem with its root cause and workaround, gathers the earlier ones under it and each later
   * one as it is resolved; after the last the problem is resolved.
   */
  recurring(
    office: OfficeContext,
    text: ProblemText,
    instants: number[],
    queue: EventQueue,
    random: SeededRandom,
    summary: Summary,
  ): void {
    const service =
      office.itServices.find((s) => text.kinds.includes(s.kind)) ?? office.itServices[0];
    const plan: ProblemPlan = {
      office,
      text,
      occurrences: [],
      id: null,
      version: 0,
      waiting: [],
    };
    instants.forEach((at, index) => {
      const c: IncidentCase = {
        ...this.draw(office, random, service),
        text: text.incident,
        impact: 'tinggi',
        urgency: index === 0 ? 'sedang' : 'tinggi',
        pace: random.between(0.3, 0.9),
        rootCause: text.rootCause,
        resolved: (done) => this.gather(plan, done, index, instants.length, summary),
      };
      plan.occurrences.push(c);
      this.schedule(queue, this.reportedAt(c, at, random), c, random, summary);
    });
  }

  private async gather(
    plan: ProblemPlan,
    c: IncidentCase,
    index: number,
    total: number,
    summary: Summary,
  ): Promise<void> {
    const helpdesk = plan.office.helpdesk;
    plan.waiting.push(this.actions.detail(c).number);
    if (index < 1) return;
    if (!plan.id) {
      const created = await this.actions.timed('problem.create', () =>
        this.problems.create(helpdesk, {
          office: plan.office.code,
          title: plan.text.title,
          description: plan.text.description,
          status: 'known-error',
          rootCause: plan.text.rootCause,
          workaround: plan.text.workaround,
        }),
      );
      this.actions.count++;
      summary.problems++;
      plan.id = created.id;
      plan.version = created.version;
    }
    for (const number of plan.waiting.splice(0)) {
      await this.actions.timed('problem.link', () =>
        this.problems.link(helpdesk, plan.id as string, number),
      );
      this.actions.count++;
    }
    if (index === total - 1) {
      const done = await this.actions.timed('problem.update', () =>
        this.problems.update(helpdesk, plan.id as string, {
          title: plan.text.title,
          description: plan.text.description,
          status: 'resolved',
          expectedVersion: plan.version,
        }),
      );
      this.actions.count++;
      plan.version = done.version;
    }
  }

  /** The instant at `fraction` of the way from `from` to `dueAt`, in the service's hours. */
  private toward(c: IncidentCase, from: number, dueAt: number, fraction: number): number {
    const at = from + fraction * Math.max(dueAt - from, 5 * MINUTE);
    if (c.service.supportHours === '24x7') return at;
    const inHours = working(at, c.office.offsetMs);
    // On time stays on time: moving into office hours must not push it past the target.
    return fraction <= 1 && inHours > dueAt ? Math.max(dueAt - 5 * MINUTE, from) : inHours;
  }

  private async versionOf(number: string): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT version FROM tickets WHERE number = ?', [
      number,
    ])) as { version: number | string }[];
    return Number(row.version);
  }
}

type Summary = DemoHistorySummary;

function due(clock: TicketDetail['clocks']['ticket']): number | null {
  const at = clock.targetDueAt ?? clock.limitDueAt;
  return at ? Date.parse(at) : null;
}
