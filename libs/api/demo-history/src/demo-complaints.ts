// The life of one demo complaint: filed by the helpdesk, taken, answered and resolved (most
// within the five working days, some late, a few left waiting), then closed.
import type { Clock } from '@sigap/api-clock';
import type { ComplaintsService } from '@sigap/api-complaints';
import { DEMO_DOMAIN } from '@sigap/api-identity';
import type { TicketActionsService } from '@sigap/api-tickets';
import type { Channel } from '@sigap/standards';
import type { DemoActions } from './demo-actions';
import type { DemoHistorySummary, OfficeContext } from './demo-history-model';
import { DAY, HOUR, within, working } from './demo-pacing';
import { COMPLAINT_TEXTS, PEOPLE, slug } from './demo-texts';
import type { EventQueue } from './event-queue';
import type { SeededRandom } from './random';

export class DemoComplaints {
  constructor(
    private readonly actions: DemoActions,
    private readonly clock: Clock,
    private readonly complaints: ComplaintsService,
    private readonly ticketActions: TicketActionsService,
  ) {}

  async fileComplaint(
    office: OfficeContext,
    queue: EventQueue,
    random: SeededRandom,
    summary: DemoHistorySummary,
  ): Promise<void> {
    const [category, text] = random.pick(COMPLAINT_TEXTS);
    const person = random.pick(PEOPLE);
    const filed = await this.actions.timed('complaint.file', () =>
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
    this.actions.count++;
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
        const taken = await this.actions.timed('complaint.assign', () =>
          this.ticketActions.assign(office.helpdesk, number, 1, office.helpdesk.id),
        );
        this.actions.count++;
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
    const answered = await this.actions.timed('complaint.reply', () =>
      this.ticketActions.reply(
        office.helpdesk,
        number,
        version,
        'Terima kasih atas laporan Anda. Kami sudah menindaklanjutinya bersama tim teknis.',
      ),
    );
    const resolved = await this.actions.timed('complaint.resolve', () =>
      this.ticketActions.resolve(
        office.helpdesk,
        number,
        answered.version,
        'Pengaduan sudah ditindaklanjuti.',
      ),
    );
    this.actions.count += 2;
    summary.complaintsAnswered++;
    queue.push(working(this.clock.nowMs() + random.between(1, 4) * DAY, office.offsetMs), () =>
      this.actions
        .timed('complaint.close', () =>
          this.ticketActions.close(office.helpdesk, number, resolved.version),
        )
        .then(() => {
          this.actions.count++;
        }),
    );
  }
}
