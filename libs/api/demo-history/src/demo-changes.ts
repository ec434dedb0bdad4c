// The life of the demo's changes, each event scheduled on the generation's queue: recorded by the
// helpdesk with a planned window (the riskier ones in the evening), approved in turn by the
// positions the office's policy names for the risk, carried out in the window (one rolled back,
// after it caused an incident), reviewed and closed; those planned in the coming weeks wait on
// the change calendar.
import type { ChangeRisk, ChangeView } from '@sigap/contracts';
import type {
  ChangeLifecycleService,
  ChangePolicyService,
  ChangesService,
} from '@sigap/api-changes';
import type { Clock } from '@sigap/api-clock';
import { DEMO_DOMAIN, type AuthUser } from '@sigap/api-identity';
import type { DemoActions } from './demo-actions';
import type { DemoHistorySummary, DemoItService, OfficeContext } from './demo-history-model';
import type { DemoIncidents, IncidentCase } from './demo-incidents';
import { CHANGE_REVIEWS, CHANGE_TEXTS } from './demo-it-texts';
import { DAY, HOUR, MINUTE, working } from './demo-pacing';
import type { EventQueue } from './event-queue';
import type { SeededRandom } from './random';

/** One change of the history. */
export interface ChangeCase {
  office: OfficeContext;
  service: DemoItService;
  risk: ChangeRisk;
  /** Rolled back after causing an incident. */
  fails: boolean;
  /** How many days ahead of its recording the window is planned. */
  lead: readonly [number, number];
  view: ChangeView | null;
}

export class DemoChanges {
  constructor(
    private readonly actions: DemoActions,
    private readonly clock: Clock,
    private readonly changes: ChangesService,
    private readonly lifecycle: ChangeLifecycleService,
    private readonly policies: ChangePolicyService,
    private readonly incidents: DemoIncidents,
  ) {}

  /**
   * The office's approval policy, set by the admin as an office would: low risk by the head of
   * the IT division (else the secretary, else the head of office), medium by the head of the
   * IT division (else the head of office), high by both the head of division and the head of
   * office.
   */
  async setPolicy(admin: AuthUser, office: string, positions: readonly string[]): Promise<void> {
    const head = positions.includes('kadis') ? 'kadis' : positions[0];
    const division = positions.find((p) => p.startsWith('kabid'));
    const low = division ?? positions.find((p) => p === 'sekretaris') ?? head;
    const approver = (position: string, time: string) => ({ position, time });
    await this.actions.timed('change.policy', () =>
      this.policies.replace(admin, office, {
        rules: [
          { risk: 'rendah', approvers: [approver(low, '1 hari')] },
          { risk: 'sedang', approvers: [approver(division ?? head, '1 hari')] },
          {
            risk: 'tinggi',
            approvers: division
              ? [approver(division, '1 hari'), approver(head, '2 hari')]
              : [approver(head, '2 hari')],
          },
        ],
      }),
    );
  }

  draw(office: OfficeContext, random: SeededRandom, fails = false): ChangeCase {
    const service = random.pick(office.itServices);
    return {
      office,
      service,
      risk: fails
        ? 'sedang'
        : random.weighted<ChangeRisk>([
            ['rendah', 5],
            ['sedang', 3],
            ['tinggi', 2],
          ]),
      fails,
      lead: [3, 14],
      view: null,
    };
  }

  schedule(
    queue: EventQueue,
    at: number,
    c: ChangeCase,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): void {
    queue.push(working(at, c.office.offsetMs), () => this.open(c, queue, random, summary));
  }

  private async open(
    c: ChangeCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const text = random.pick(CHANGE_TEXTS[c.service.kind] ?? CHANGE_TEXTS['application']);
    const { start, end } = this.window(c, random);
    const opened = await this.actions.timed('change.open', () =>
      this.changes.open(c.office.helpdesk, {
        office: c.office.code,
        services: [c.service.code],
        risk: c.risk,
        channel: random.pick(['email', 'letter', 'portal'] as const),
        subject: text.subject,
        description: text.description,
        rollbackPlan: text.rollback,
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(end).toISOString(),
        requesterId: random.pick(c.office.contacts).id,
      }),
    );
    c.view = opened.change;
    this.actions.count++;
    summary.changes++;
    this.nextApproval(c, queue, random, summary);
  }

  /**
   * The planned window: a few days to two weeks ahead (or as the case says), on a working day; low-risk work in office
   * hours, the riskier in the evening after office hours.
   */
  private window(c: ChangeCase, random: SeededRandom): { start: number; end: number } {
    const offset = c.office.offsetMs;
    const day = working(this.clock.nowMs() + random.between(c.lead[0], c.lead[1]) * DAY, offset);
    const localMidnight = Math.floor((day + offset) / DAY) * DAY - offset;
    const hour = c.risk === 'rendah' ? random.int(9, 13) : random.int(19, 21);
    const start = localMidnight + hour * HOUR;
    return { start, end: start + random.int(1, 4) * HOUR };
  }

  /** The next approval waiting is decided by a holder of its position within a day or so. */
  private nextApproval(
    c: ChangeCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): void {
    const view = c.view as ChangeView;
    const active = view.approvals.find((a) => a.status === 'active');
    if (!active) {
      if (view.state === 'approved') this.carryOut(c, queue, random, summary);
      return;
    }
    const at = working(this.clock.nowMs() + random.between(1, 20) * HOUR, c.office.offsetMs);
    const before = Math.min(at, Date.parse(view.plannedStart) - HOUR);
    queue.push(Math.max(before, this.clock.nowMs() + 10 * MINUTE), async () => {
      const approver = await this.actions
        .user(`${active.position}.${c.office.code}@${DEMO_DOMAIN}`)
        .catch(() => c.office.helpdesk);
      const current = c.view as ChangeView;
      c.view = await this.actions.timed('change.decide', () =>
        this.lifecycle.decide(
          approver,
          current.number,
          current.version,
          active.order,
          'approved',
          random.chance(0.3) ? 'Pastikan pengguna OPD diberi tahu sebelum pekerjaan.' : null,
        ),
      );
      this.actions.count++;
      this.nextApproval(c, queue, random, summary);
    });
  }

  /** Carried out in its window and recorded just after; reviewed and closed in the next days. */
  private carryOut(
    c: ChangeCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): void {
    const view = c.view as ChangeView;
    // Never before the last approval (the history's clock only moves forward).
    const start = Math.max(
      Date.parse(view.plannedStart) + random.int(0, 15) * MINUTE,
      this.clock.nowMs() + 30 * MINUTE,
    );
    const plannedEnd = Math.max(Date.parse(view.plannedEnd), start + HOUR);
    const end = c.fails
      ? start + 0.6 * (plannedEnd - start)
      : Math.min(start + random.between(0.6, 1.1) * (plannedEnd - start), plannedEnd + HOUR);
    let caused: IncidentCase | null = null;
    if (c.fails) {
      // Users report the service down during the work; the change is rolled back.
      caused = {
        ...this.incidents.draw(c.office, random, c.service),
        impact: 'tinggi',
        urgency: 'sedang',
        pace: random.between(0.3, 0.6),
      };
      this.incidents.schedule(queue, start + 0.4 * (end - start), caused, random, summary);
    }
    queue.push(end + random.int(10, 40) * MINUTE, async () => {
      const current = c.view as ChangeView;
      c.view = await this.actions.timed('change.implement', () =>
        this.lifecycle.implement(c.office.helpdesk, current.number, current.version, {
          actualStart: new Date(start).toISOString(),
          actualEnd: new Date(end).toISOString(),
          result: c.fails ? 'rolled-back' : 'success',
          note: c.fails
            ? 'Layanan tidak dapat diakses setelah perubahan; dikembalikan sesuai rencana pemulihan.'
            : 'Selesai sesuai rencana.',
        }),
      );
      this.actions.count++;
      summary.changesImplemented++;
      if (c.fails) summary.changesFailed++;
      if (caused?.detail) {
        const number = caused.detail.number;
        const linked = c.view as ChangeView;
        c.view = await this.actions.timed('change.incidents', () =>
          this.lifecycle.linkIncidents(c.office.helpdesk, linked.number, linked.version, {
            incidents: [number],
          }),
        );
        this.actions.count++;
      }
      queue.push(
        working(this.clock.nowMs() + random.between(0.5, 3) * DAY, c.office.offsetMs),
        () => this.review(c, queue, random),
      );
    });
  }

  private async review(c: ChangeCase, queue: EventQueue, random: SeededRandom): Promise<void> {
    const current = c.view as ChangeView;
    const reviewer = random.chance(0.5)
      ? await this.actions.user(`kadis.${c.office.code}@${DEMO_DOMAIN}`).catch(() => null)
      : null;
    c.view = await this.actions.timed('change.review', () =>
      this.lifecycle.review(
        reviewer ?? c.office.helpdesk,
        current.number,
        current.version,
        c.fails
          ? 'Uji coba di lingkungan uji tidak mencakup beban nyata; rencana diulang setelah diuji ulang.'
          : random.pick(CHANGE_REVIEWS),
      ),
    );
    this.actions.count++;
    queue.push(
      working(this.clock.nowMs() + random.between(0.2, 2) * DAY, c.office.offsetMs),
      async () => {
        const reviewed = c.view as ChangeView;
        c.view = await this.actions.timed('change.close', () =>
          this.lifecycle.close(c.office.helpdesk, reviewed.number, reviewed.version),
        );
        this.actions.count++;
      },
    );
  }
}
