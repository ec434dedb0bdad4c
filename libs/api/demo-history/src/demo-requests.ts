// The life of one demo request, each event scheduled on the generation's queue: opened, its
// documents checked (some returned and answered), its steps completed by their assignees,
// resolved, closed, and sometimes rated through the survey link.
import type { StepView } from '@sigap/contracts';
import type { Clock } from '@sigap/api-clock';
import type { AppConfig } from '@sigap/api-config';
import { readInstant } from '@sigap/api-database';
import { resolveSurveySecret, signSurveyToken, type SurveyService } from '@sigap/api-survey';
import type { TicketActionsService, TicketOpeningService } from '@sigap/api-tickets';
import type { DataSource } from 'typeorm';
import type { DemoActions } from './demo-actions';
import type { DemoHistorySummary, RequestCase } from './demo-history-model';
import {
  channelText,
  DAY,
  HOUR,
  MINUTE,
  stepFinish,
  surveyScores,
  truncate,
  working,
} from './demo-pacing';
import { REQUEST_SUBJECTS, RETURN_REASONS, SURVEY_COMMENTS } from './demo-texts';
import type { EventQueue } from './event-queue';
import type { SeededRandom } from './random';

export class DemoRequests {
  constructor(
    private readonly actions: DemoActions,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly opening: TicketOpeningService,
    private readonly ticketActions: TicketActionsService,
    private readonly surveys: SurveyService,
  ) {}

  async openRequest(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const subject = random.pick(REQUEST_SUBJECTS);
    c.detail = await this.actions.timed('ticket.open', () =>
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
    this.actions.later(queue, c, random.between(10, 120) * MINUTE, () =>
      this.checkDocuments(c, queue, random, summary),
    );
  }

  private async checkDocuments(
    c: RequestCase,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const items = this.actions.detail(c).checklist;
    const required = items.filter((i) => !i.optional);
    const rejected = c.returned && required.length ? random.pick(required).code : null;
    for (const item of items) {
      if (item.code === rejected) continue;
      await this.actions.act(c, 'checklist', () =>
        this.ticketActions.checklist(
          c.office.helpdesk,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
          item.code,
          'verified',
          null,
        ),
      );
    }
    if (rejected) {
      const reason = random.pick(RETURN_REASONS);
      await this.actions.act(c, 'checklist', () =>
        this.ticketActions.checklist(
          c.office.helpdesk,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
          rejected,
          'rejected',
          reason,
        ),
      );
      await this.actions.act(c, 'return', () =>
        this.ticketActions.returnToRequester(
          c.office.helpdesk,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
          reason,
        ),
      );
      c.rejected = rejected;
      summary.returned++;
      this.actions.later(queue, c, random.between(1, 9) * DAY, () =>
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
    await this.actions.act(c, 'answered', () =>
      this.ticketActions.requesterAnswered(
        c.office.helpdesk,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
        'Dokumen yang kurang sudah dikirim pemohon.',
      ),
    );
    const code = c.rejected as string;
    await this.actions.act(c, 'checklist', () =>
      this.ticketActions.checklist(
        c.office.helpdesk,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
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
    const detail = this.actions.detail(c);
    const active = detail.steps.find((s) => s.status === 'active');
    if (!active) {
      if (detail.steps.every((s) => s.status === 'done'))
        this.actions.later(queue, c, random.between(30, 240) * MINUTE, () =>
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
    const step = this.actions.detail(c).steps.find((s) => s.order === order) as StepView;
    const actor =
      step.requesterSide || !step.assignee
        ? c.office.helpdesk
        : await this.actions.userById(step.assignee.id, c.office.helpdesk);
    await this.actions.act(c, 'step.complete', () =>
      this.ticketActions.completeStep(
        actor,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
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
    await this.actions.act(c, 'resolve', () =>
      this.ticketActions.resolve(
        c.office.helpdesk,
        this.actions.detail(c).number,
        this.actions.detail(c).version,
        'Layanan selesai diberikan.',
      ),
    );
    this.actions.later(queue, c, random.between(0.5, 3) * DAY, async () => {
      await this.actions.act(c, 'close', () =>
        this.ticketActions.close(
          c.office.helpdesk,
          this.actions.detail(c).number,
          this.actions.detail(c).version,
        ),
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
      [this.actions.detail(c).number],
    )) as { id: string; ticket_id: string; expires_at: Date | string }[];
    if (!rows.length) return;
    const token = signSurveyToken(resolveSurveySecret(this.config), {
      id: rows[0].id,
      ticketId: rows[0].ticket_id,
      expiresAt: readInstant(rows[0].expires_at) as Date,
    });
    const late = this.actions.detail(c).slaState === 'breached' || c.pace > 1.1;
    const scores = surveyScores(random, c.office.quality, late, c.returned);
    const comment = random.chance(0.35) ? random.pick(SURVEY_COMMENTS) : null;
    await this.actions.timed('survey.submit', () => this.surveys.submit(token, scores, comment));
    this.actions.count++;
    summary.surveys++;
  }
}
