import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import { FIRST_RESPONSE_CLOCK, logState, rowsOf } from './clocks';
import { TicketError } from './ticket-error';
import { TicketFiles, TicketResolvedHooks, type TicketFile } from './ticket-ports';
import { REPLY_ATTACHMENTS_MAX_BYTES } from './reply-attachments';
import { TicketActingService } from './ticket-acting.service';
import {
  addClockEvent,
  checklistComplete,
  event,
  notifyStepAssignee,
  transition,
  type TicketAggregate,
} from './workflow';

type Version = number | null;

/** The ticket actions; each one runs through `TicketActingService.act` (version check, table, audit). */
@Injectable()
export class TicketActionsService {
  constructor(
    private readonly tickets: TicketActingService,
    private readonly resolved: TicketResolvedHooks,
    private readonly files: TicketFiles,
  ) {}

  assign(user: AuthUser, number: string, v: Version, userId: string): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'assigned', async (agg, manager) => {
      await this.tickets.assertAgent(manager, agg.ticket.officeCode, userId);
      const from = agg.ticket.assigneeId;
      transition(agg, 'assign');
      agg.ticket.assigneeId = userId;
      event(agg, 'ticket.assigned', { from, to: userId });
    });
  }

  checklist(
    user: AuthUser,
    number: string,
    v: Version,
    code: string,
    status: 'received' | 'verified' | 'rejected',
    reason: string | null,
    attachmentIds: string[] = [],
  ): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, `checklist.${status}`, async (agg, manager) => {
      const item = this.tickets.itemOf(agg, code);
      if (agg.ticket.status !== 'waiting') transition(agg, 'start-work');
      if (status === 'rejected' && !reason)
        throw new TicketError('ticket.checklist_invalid', 'Penolakan dokumen perlu alasan.', [
          { path: 'reason', message: 'wajib diisi' },
        ]);
      await assertAttachments(this.files, manager, agg, attachmentIds);
      const wasComplete = checklistComplete(agg.checklist);
      item.status = status;
      item.reason = status === 'rejected' ? reason : null;
      item.attachmentIds = [...new Set([...(item.attachmentIds ?? []), ...attachmentIds])];
      item.updatedBy = user.id;
      item.updatedAt = agg.now;
      agg.dirtyItems.add(item);
      event(agg, `checklist.${status}`, { code, reason, attachmentIds });
      if (!wasComplete && checklistComplete(agg.checklist)) event(agg, 'checklist.completed');
    });
  }

  returnToRequester(
    user: AuthUser,
    number: string,
    v: Version,
    reason: string,
  ): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'returned_to_requester', (agg) => {
      transition(agg, 'return-to-requester');
      event(agg, 'ticket.returned_to_requester', { reason });
      agg.outbox.push({
        kind: 'ticket.returned-to-requester',
        payload: { ticket: agg.ticket.number, reason },
      });
    });
  }

  requesterAnswered(
    user: AuthUser,
    number: string,
    v: Version,
    note: string | null,
  ): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'requester_answered', (agg) => {
      transition(agg, 'requester-answered');
      event(agg, 'ticket.requester_answered', { note });
    });
  }

  completeStep(
    user: AuthUser,
    number: string,
    v: Version,
    order: number,
    output: string | null,
    attachmentId: string | null,
  ): Promise<TicketDetail> {
    return this.tickets.act(
      user,
      number,
      v,
      'step.completed',
      async (agg, manager, access) => {
        const step = this.tickets.stepOf(agg, order);
        this.tickets.assertCanWorkStep(user, access, step);
        if (step.status !== 'active')
          throw new TicketError(
            'ticket.step_not_active',
            `Langkah ${order} belum atau tidak lagi aktif (status ${step.status}).`,
          );
        if (!output && !attachmentId)
          throw new TicketError('ticket.invalid', 'Catat output langkah (teks atau lampiran).', [
            { path: 'output', message: 'isi output atau attachmentId' },
          ]);
        if (attachmentId) await assertAttachments(this.files, manager, agg, [attachmentId]);
        // A follow-up after go-live is recorded on a resolved ticket without reopening it.
        const afterResolution =
          step.followUp && (agg.ticket.status === 'resolved' || agg.ticket.status === 'closed');
        if (!afterResolution) transition(agg, 'start-work');
        step.status = 'done';
        step.completedAt = agg.now;
        step.completedBy = user.id;
        step.outputText = output;
        step.outputAttachmentId = attachmentId;
        agg.dirtySteps.add(step);
        // Someone else's step (a manager, another holder): the timeline names whose it was.
        const behalf = step.assigneeId && step.assigneeId !== user.id ? step.assigneeId : null;
        event(agg, 'step.completed', {
          order,
          output,
          attachmentId,
          ...(behalf ? { onBehalfOf: behalf } : {}),
        });
        await this.tickets.activateNext(agg, manager);
      },
      'steps',
    );
  }

  assignStep(
    user: AuthUser,
    number: string,
    v: Version,
    order: number,
    userId: string,
  ): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'step.assigned', async (agg, manager) => {
      const step = this.tickets.stepOf(agg, order);
      if (step.requesterSide)
        throw new TicketError('ticket.assignee_invalid', `Langkah ${order} ada di pihak pemohon.`);
      if (step.status === 'done')
        throw new TicketError('ticket.step_not_active', `Langkah ${order} sudah selesai.`);
      const followingUp = step.followUp && agg.ticket.status === 'resolved';
      if (!agg.ticket.isOpen && !followingUp)
        throw new TicketError(
          'ticket.illegal_transition',
          `Tiket berstatus "${agg.ticket.status}".`,
        );
      await this.tickets.assertHolder(manager, agg, step, userId);
      const from = step.assigneeId;
      step.assigneeId = userId;
      agg.dirtySteps.add(step);
      event(agg, 'step.assigned', { order, from, to: userId });
      if (from !== userId) notifyStepAssignee(agg, step);
    });
  }

  resolve(user: AuthUser, number: string, v: Version, note: string | null): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'resolved', async (agg, manager) => {
      // Follow-ups after go-live stay as they are: they do not keep the request open.
      const open = agg.steps
        .filter((s) => s.status !== 'done' && !s.followUp)
        .map((s) => s.stepOrder);
      const missing = agg.checklist
        .filter((i) => !i.optional && i.status !== 'verified')
        .map((i) => i.code);
      if (open.length || missing.length) {
        throw new TicketError(
          'ticket.work_open',
          `Tiket belum dapat diselesaikan: ${[
            open.length ? `langkah belum selesai ${open.join(', ')}` : '',
            missing.length ? `persyaratan belum diverifikasi ${missing.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')}.`,
        );
      }
      transition(agg, 'resolve');
      agg.ticket.resolvedAt = agg.now;
      event(agg, 'ticket.resolved', { note });
      // The requester hears of it by mail when the contact has an address.
      const contact = await manager.findOne(RequesterContactEntity, {
        select: { id: true, email: true },
        where: { id: agg.ticket.requesterContactId },
      });
      if (contact?.email) {
        agg.outbox.push({
          kind: 'ticket.resolved',
          payload: note ? { ticket: agg.ticket.number, note } : { ticket: agg.ticket.number },
        });
        // And what other domains add (the survey invitation), in the same transaction.
        agg.outbox.push(...(await this.resolved.mailFor(manager, agg.ticket, agg.now)));
      }
      await this.resolved.followUp(manager, agg, note);
    });
  }

  close(user: AuthUser, number: string, v: Version): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'closed', (agg) => {
      transition(agg, 'close');
      agg.ticket.closedAt = agg.now;
      event(agg, 'ticket.closed', { calendarVersion: agg.calendar.version });
    });
  }

  reopen(user: AuthUser, number: string, v: Version, reason: string): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'reopened', (agg) => {
      this.tickets.reopenAllowed(agg);
      const previous = { round: agg.ticket.clockRound, snapshot: agg.ticket.slaSnapshot };
      transition(agg, 'reopen');
      // The finished round keeps its figures in the timeline; a new round starts now.
      agg.ticket.clockRound += 1;
      agg.ticket.slaSnapshot = null;
      agg.ticket.closedAt = null;
      agg.ticket.resolvedAt = null;
      agg.ticket.alerted = null;
      event(agg, 'ticket.reopened', {
        reason,
        previousRound: previous.round,
        previousFigures: previous.snapshot ? JSON.parse(previous.snapshot) : null,
      });
    });
  }

  cancel(user: AuthUser, number: string, v: Version, reason: string): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'cancelled', (agg) => {
      transition(agg, 'cancel');
      event(agg, 'ticket.cancelled', { reason });
    });
  }

  note(user: AuthUser, number: string, v: Version, body: string): Promise<TicketDetail> {
    return this.tickets.act(
      user,
      number,
      v,
      'note_added',
      (agg) => {
        agg.timeline.push({ kind: 'note', event: null, authorId: user.id, body, data: null });
      },
      'steps',
    );
  }

  reply(
    user: AuthUser,
    number: string,
    v: Version,
    body: string,
    attachmentIds: string[] = [],
  ): Promise<TicketDetail> {
    return this.tickets.act(user, number, v, 'replied', async (agg, manager) => {
      const s = agg.ticket.status;
      if (s === 'closed' || s === 'cancelled' || s === 'merged')
        throw new TicketError(
          'ticket.illegal_transition',
          `Tiket berstatus "${agg.ticket.status}".`,
        );
      const attached = [...new Set(attachmentIds)];
      const files = await assertAttachments(this.files, manager, agg, attached);
      // The mail carries the files: refuse now what the mail could not carry later.
      const total = files.reduce((sum, a) => sum + a.size, 0);
      if (total > REPLY_ATTACHMENTS_MAX_BYTES)
        throw new TicketError(
          'ticket.attachment_invalid',
          `Lampiran balasan terlalu besar untuk dikirim lewat e-mail: ${megabytes(total)} MB, batasnya ${megabytes(REPLY_ATTACHMENTS_MAX_BYTES)} MB. Kirim lebih sedikit berkas atau tautkan berkas besar.`,
          [
            {
              path: 'attachmentIds',
              message: `total lampiran melebihi ${megabytes(REPLY_ATTACHMENTS_MAX_BYTES)} MB`,
            },
          ],
        );
      const data = attached.length ? { attachmentIds: attached } : null;
      agg.timeline.push({ kind: 'reply', event: null, authorId: user.id, body, data });
      agg.outbox.push({
        kind: 'ticket.reply',
        payload: { ticket: agg.ticket.number, body, ...(data ?? {}) },
      });
      const fr = logState(rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK));
      if (!agg.ticket.firstResponseAt) agg.ticket.firstResponseAt = agg.now;
      if (fr === 'running') addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'stop');
    });
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

async function assertAttachments(
  files: TicketFiles,
  manager: EntityManager,
  agg: TicketAggregate,
  ids: string[],
): Promise<TicketFile[]> {
  const found: TicketFile[] = [];
  for (const [index, id] of ids.entries()) {
    const a = await files.find(manager, id);
    if (
      !a ||
      (a.ticketId !== null && a.ticketId !== agg.ticket.id) ||
      a.officeCode !== agg.ticket.officeCode
    ) {
      throw new TicketError(
        'ticket.attachment_invalid',
        `Lampiran "${id}" tidak dikenal pada tiket ini.`,
        [{ path: `attachmentIds[${index}]`, message: 'lampiran tidak dikenal' }],
      );
    }
    found.push(a);
  }
  return found;
}
