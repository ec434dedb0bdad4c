import { Injectable } from '@nestjs/common';
import { PRESENCE_TTL_MS, type PresenceView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Clock } from '@sigap/api-clock';
import { dialectOf } from '@sigap/api-database';
import { DataSource } from 'typeorm';
import { assertAccess, ticketAccess } from '../access';
import { TicketRepository } from '../ticket-repository';
import { TicketStepEntity } from '../ticket-step.entity';
import { LiveFeedService } from './live-feed.service';
import { stepPositions } from './ticket-events';

interface PresenceRow {
  user_id: string;
  user_name: string;
  typing: number | boolean | string;
  expires_at: number | string;
}

/**
 * Who has a ticket open in the console and who is writing a reply, shared by every API instance
 * through `ticket_presence`. The workspace renews its row every few seconds; a row counts until
 * `PRESENCE_TTL_MS` after its last renewal. Arriving, leaving and starting or stopping to type
 * are also live events, so the other viewers learn of them within the feed's delay.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly feed: LiveFeedService,
    private readonly clock: Clock,
  ) {}

  /** Records the user's heartbeat on the ticket; answers the others who have it open. */
  async heartbeat(user: AuthUser, number: string, typing: boolean): Promise<PresenceView[]> {
    const target = await this.readable(user, number);
    const now = this.clock.now().getTime();
    const manager = this.dataSource.manager;
    const before: PresenceRow[] = await manager.query(
      'SELECT user_id, user_name, typing, expires_at FROM ticket_presence WHERE ticket_number = ? AND user_id = ?',
      [number, user.id],
    );
    const previous = before[0];
    const name = user.name.slice(0, 200);
    const expires = now + PRESENCE_TTL_MS;
    if (previous) {
      await manager.query(
        'UPDATE ticket_presence SET user_name = ?, typing = ?, expires_at = ? WHERE ticket_number = ? AND user_id = ?',
        [name, typing ? 1 : 0, expires, number, user.id],
      );
    } else {
      const dialect = dialectOf(manager);
      await manager.query(
        dialect.insertIgnore(
          'ticket_presence',
          ['ticket_number', 'user_id', 'user_name', 'typing', 'expires_at'],
          '(?, ?, ?, ?, ?)',
        ),
        [number, user.id, name, typing ? 1 : 0, expires],
      );
    }
    const changed =
      !previous || Number(previous.expires_at) <= now || truthy(previous.typing) !== typing;
    if (changed) await this.announce(target);
    return this.others(number, user.id, now);
  }

  /** The user closed the ticket: their row goes, and the others learn of it. */
  async leave(user: AuthUser, number: string): Promise<void> {
    const target = await this.readable(user, number);
    await this.dataSource.manager.query(
      'DELETE FROM ticket_presence WHERE ticket_number = ? AND user_id = ?',
      [number, user.id],
    );
    await this.announce(target);
  }

  /** The others who have the ticket open now (the caller left out). */
  async present(user: AuthUser, number: string): Promise<PresenceView[]> {
    await this.readable(user, number);
    return this.others(number, user.id, this.clock.now().getTime());
  }

  private async others(number: string, userId: string, now: number): Promise<PresenceView[]> {
    const manager = this.dataSource.manager;
    const rows: PresenceRow[] = await manager.query(
      'SELECT user_id, user_name, typing, expires_at FROM ticket_presence WHERE ticket_number = ? AND expires_at > ? ORDER BY user_name',
      [number, now],
    );
    // A closed tab sends no goodbye: the ticket's expired rows go as they are met.
    await manager.query('DELETE FROM ticket_presence WHERE ticket_number = ? AND expires_at <= ?', [
      number,
      now,
    ]);
    return rows
      .filter((r) => r.user_id !== userId)
      .map((r) => ({ userId: r.user_id, name: r.user_name, typing: truthy(r.typing) }));
  }

  /** The ticket when the user may read it; 404 otherwise (as reading it would answer). */
  private async readable(
    user: AuthUser,
    number: string,
  ): Promise<{ number: string; office: string; positions: string }> {
    const manager = this.dataSource.manager;
    const ticket = await this.repository.findRow(manager, number);
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    assertAccess(ticketAccess(user, ticket, steps), 'read', number);
    return { number: ticket.number, office: ticket.officeCode, positions: stepPositions(steps) };
  }

  private announce(target: { number: string; office: string; positions: string }) {
    return this.feed.publish(
      { kind: 'presence', ticket: target.number, office: target.office, version: null },
      target.positions,
    );
  }
}

function truthy(value: number | boolean | string): boolean {
  return value === true || value === 1 || value === '1';
}
