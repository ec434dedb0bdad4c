import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '@sigap/api-identity';
import { TicketChangeHooks, TicketStepEntity, type TicketChange } from '@sigap/api-tickets';
import { resolveMentions } from './mentions';
import { NotificationsService } from './notifications.service';
import {
  distinctDrafts,
  excerptOf,
  readChange,
  type NotificationDraft,
} from './notification-rules';

/**
 * Turns every stored ticket change (and every opening) into its notifications, in the change's
 * transaction: the ticket door's change hook is the one place all of them pass (agents' actions,
 * the requester's replies by e-mail, portal or SP4N-LAPOR!, the SLA sweep's alerts). It reads
 * nothing unless the change concerns someone.
 */
@Injectable()
export class NotificationWriter implements OnModuleInit {
  constructor(
    private readonly hooks: TicketChangeHooks,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.hooks.subscribe((manager, change) => this.changed(manager, change));
  }

  async changed(manager: EntityManager, change: TicketChange): Promise<void> {
    const { drafts, replies, notes } = readChange(change.timeline);
    if (!drafts.length && !replies.length && !notes.length) return;
    const t = change.ticket;
    const all: NotificationDraft[] = [...drafts];
    if (replies.length) {
      const steps = await manager.find(TicketStepEntity, {
        select: { assigneeId: true },
        where: { ticketId: t.id, status: 'active' },
      });
      const assigned = [t.assigneeId, ...steps.map((s) => s.assigneeId)].filter(
        (id): id is string => !!id,
      );
      for (const reply of replies)
        for (const userId of new Set(assigned))
          all.push({
            userId,
            kind: 'requester_replied',
            step: null,
            actorId: null,
            excerpt: reply.excerpt,
          });
    }
    if (notes.length) {
      // Only colleagues of the ticket's office can be mentioned on it.
      const colleagues = await manager.find(UserEntity, {
        select: { id: true, email: true },
        where: { officeCode: t.officeCode, active: true },
      });
      for (const note of notes)
        for (const userId of resolveMentions(note.body, colleagues, note.authorId))
          all.push({
            userId,
            kind: 'mentioned',
            step: null,
            actorId: note.authorId,
            excerpt: excerptOf(note.body),
          });
    }
    await this.notifications.record(
      manager,
      { officeCode: t.officeCode, ticketNumber: t.number, ticketSubject: t.subject },
      distinctDrafts(all),
      change.now,
      change.outbox,
    );
  }
}
