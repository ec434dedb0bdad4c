import { Injectable } from '@nestjs/common';
import type { ChangeState, ChangeView } from '@sigap/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser, hasRole } from '@sigap/api-identity';
import {
  event,
  TicketActingService,
  TicketEntity,
  TicketError,
  transition,
  type TicketAggregate,
} from '@sigap/api-tickets';
import { assertCanRecord } from './access';
import { ChangeError } from './change-error';
import { ChangeReadingService, decisionsOf } from './change-reading.service';
import type { ChangeIncidentsDto, ImplementChangeDto } from './change.dto';
import { ChangeEntity, ChangeIncidentEntity } from './change.entity';

type Version = number | null;

/**
 * A change after it is opened: each approval decided by a holder of its step's position (or an
 * admin), a rejection closing the change; once approved, implemented (actual window and result),
 * reviewed and closed by the helpdesk (a review also by the office's manager); and the incidents
 * it caused. Each runs as a ticket action (version, access, clocks, audit, timeline).
 */
@Injectable()
export class ChangeLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly acting: TicketActingService,
    private readonly reading: ChangeReadingService,
  ) {}

  decide(
    user: AuthUser,
    number: string,
    v: Version,
    order: number,
    decision: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<ChangeView> {
    const note = reason?.trim() || null;
    if (decision === 'rejected' && !note)
      throw new ChangeError('change.invalid', 'Sebutkan alasan penolakan.', [
        { path: 'reason', message: 'alasan penolakan wajib diisi' },
      ]);
    return this.run(user, number, v, `change.${decision}`, 'read', async (agg, manager, change) => {
      expectState(change, ['awaiting-approval'], agg.ticket.number);
      const step = agg.steps.find((s) => s.stepOrder === order);
      if (!step)
        throw new ChangeError('change.invalid', `Perubahan ini tidak punya persetujuan ${order}.`, [
          { path: 'order', message: 'persetujuan tidak ada' },
        ]);
      if (!hasRole(user, 'admin') && !user.positions.includes(step.positionCode))
        throw new ChangeError(
          'change.not_approver',
          `Persetujuan ${order} diputuskan oleh jabatan "${step.positionCode}"; Anda tidak memegangnya.`,
        );
      if (step.status !== 'active')
        throw new TicketError(
          'ticket.step_not_active',
          `Persetujuan ${order} belum atau tidak lagi menunggu keputusan (status ${step.status}).`,
        );
      if (agg.ticket.status !== 'in-progress') transition(agg, 'start-work');
      step.status = 'done';
      step.completedAt = agg.now;
      step.completedBy = user.id;
      step.outputText =
        decision === 'approved' ? `Disetujui${note ? `: ${note}` : ''}` : `Ditolak: ${note}`;
      agg.dirtySteps.add(step);
      change.decisionsJson = JSON.stringify([
        ...decisionsOf(change.decisionsJson),
        { order, decision, by: user.id, at: agg.now.toISOString(), reason: note },
      ]);
      event(agg, 'change.decision', { order, position: step.positionCode, decision, reason: note });
      if (decision === 'rejected') {
        transition(agg, 'cancel');
        setState(agg, change, 'rejected');
        return;
      }
      await this.acting.activateNext(agg, manager);
      if (agg.steps.every((s) => s.status === 'done')) {
        event(agg, 'change.approved', { approvers: agg.steps.map((s) => s.positionCode) });
        setState(agg, change, 'approved');
      }
    });
  }

  implement(
    user: AuthUser,
    number: string,
    v: Version,
    input: ImplementChangeDto,
  ): Promise<ChangeView> {
    const start = new Date(input.actualStart);
    const end = new Date(input.actualEnd);
    if (!(end.getTime() >= start.getTime()))
      throw new ChangeError('change.invalid', 'Waktu pelaksanaan tidak valid.', [
        { path: 'actualEnd', message: 'waktu selesai tidak boleh sebelum waktu mulai' },
      ]);
    return this.run(user, number, v, 'change.implemented', 'full', (agg, _m, change) => {
      assertCanRecord(user, agg.ticket.officeCode);
      expectState(change, ['approved'], agg.ticket.number);
      if (end.getTime() > agg.now.getTime())
        throw new ChangeError('change.invalid', 'Perubahan belum selesai dilaksanakan.', [
          { path: 'actualEnd', message: 'waktu selesai tidak boleh di masa depan' },
        ]);
      if (agg.ticket.status !== 'in-progress') transition(agg, 'start-work');
      transition(agg, 'resolve');
      agg.ticket.resolvedAt = agg.now;
      change.actualStart = start;
      change.actualEnd = end;
      change.result = input.result;
      change.implementationNote = input.note?.trim() || null;
      event(agg, 'change.implemented', {
        actualStart: start.toISOString(),
        actualEnd: end.toISOString(),
        result: input.result,
        note: change.implementationNote,
      });
      setState(agg, change, 'implemented');
    });
  }

  review(user: AuthUser, number: string, v: Version, note: string): Promise<ChangeView> {
    return this.run(user, number, v, 'change.reviewed', 'read', (agg, _m, change) => {
      const office = agg.ticket.officeCode;
      const mayReview =
        hasRole(user, 'admin') ||
        (user.office === office && (hasRole(user, 'agent') || hasRole(user, 'manager')));
      if (!mayReview)
        throw new ChangeError(
          'change.forbidden',
          'Hanya helpdesk atau pimpinan kantor ini yang boleh meninjau perubahan.',
        );
      expectState(change, ['implemented'], agg.ticket.number);
      change.reviewNote = note.trim();
      change.reviewedAt = agg.now;
      event(agg, 'change.reviewed', { note: change.reviewNote });
      setState(agg, change, 'reviewed');
    });
  }

  close(user: AuthUser, number: string, v: Version): Promise<ChangeView> {
    return this.run(user, number, v, 'change.closed', 'full', (agg, _m, change) => {
      assertCanRecord(user, agg.ticket.officeCode);
      expectState(change, ['reviewed'], agg.ticket.number);
      transition(agg, 'close');
      agg.ticket.closedAt = agg.now;
      setState(agg, change, 'closed');
    });
  }

  /**
   * The change will not be made: withdrawn before it is implemented, with the reason, by the
   * helpdesk or the office's manager (or an admin). Its ticket is cancelled as any other (its
   * clocks stop), its waiting approval can no longer be decided, and it no longer counts against
   * others' windows.
   */
  withdraw(user: AuthUser, number: string, v: Version, reason: string): Promise<ChangeView> {
    const note = reason.trim();
    return this.run(user, number, v, 'change.withdrawn', 'read', (agg, _m, change) => {
      const office = agg.ticket.officeCode;
      const mayWithdraw =
        hasRole(user, 'admin') ||
        (user.office === office && (hasRole(user, 'agent') || hasRole(user, 'manager')));
      if (!mayWithdraw)
        throw new ChangeError(
          'change.forbidden',
          'Hanya helpdesk atau pimpinan kantor ini yang boleh membatalkan perubahan.',
        );
      expectState(change, ['awaiting-approval', 'approved'], agg.ticket.number);
      transition(agg, 'cancel');
      event(agg, 'change.withdrawn', { reason: note, from: change.state });
      setState(agg, change, 'withdrawn');
    });
  }

  /** The incidents the change caused: tickets of kind `incident` of the same office. */
  linkIncidents(
    user: AuthUser,
    number: string,
    v: Version,
    input: ChangeIncidentsDto,
  ): Promise<ChangeView> {
    return this.run(user, number, v, 'change.incidents_linked', 'full', async (agg, manager) => {
      assertCanRecord(user, agg.ticket.officeCode);
      const wanted = [...new Set(input.incidents)];
      const found = wanted.length
        ? await manager.find(TicketEntity, {
            select: { id: true, number: true, officeCode: true, kind: true },
            where: { number: In(wanted), officeCode: agg.ticket.officeCode },
          })
        : [];
      const byNumber = new Map(
        found.filter((t) => t.kind === 'incident').map((t) => [t.number, t]),
      );
      const errors = input.incidents
        .map((n, i) => ({ n, i }))
        .filter(({ n }) => !byNumber.has(n))
        .map(({ i }) => ({
          path: `incidents[${i}]`,
          message: 'bukan nomor gangguan kantor ini',
        }));
      if (errors.length)
        throw new ChangeError('change.invalid', 'Ada nomor gangguan yang tidak dikenal.', errors);
      const before = await manager.find(ChangeIncidentEntity, {
        where: { changeTicketId: agg.ticket.id },
      });
      await manager.delete(ChangeIncidentEntity, { changeTicketId: agg.ticket.id });
      if (wanted.length)
        await manager.insert(
          ChangeIncidentEntity,
          wanted.map((n) => ({
            changeTicketId: agg.ticket.id,
            incidentTicketId: (byNumber.get(n) as TicketEntity).id,
            officeCode: agg.ticket.officeCode,
            linkedAt:
              before.find((b) => b.incidentTicketId === byNumber.get(n)?.id)?.linkedAt ?? agg.now,
            linkedBy: user.id,
          })),
        );
      event(agg, 'change.incidents_linked', { incidents: wanted });
    });
  }

  /** Runs a ticket action on a change and answers the change as it now is. */
  private async run(
    user: AuthUser,
    number: string,
    v: Version,
    action: string,
    need: 'full' | 'read',
    mutate: (
      agg: TicketAggregate,
      manager: EntityManager,
      change: ChangeEntity,
    ) => Promise<void> | void,
  ): Promise<ChangeView> {
    // A number the user may not see, or no change: 404 before anything else.
    await this.reading.load(this.dataSource.manager, user, number);
    await this.acting.act(
      user,
      number,
      v,
      action,
      async (agg, manager) => {
        const change = await manager.findOne(ChangeEntity, { where: { ticketId: agg.ticket.id } });
        if (!change) throw new ChangeError('change.not_change', `Tiket ${number} bukan perubahan.`);
        const before = `${change.state}|${change.decisionsJson}|${change.reviewNote}|${change.result}`;
        await mutate(agg, manager, change);
        if (
          before !== `${change.state}|${change.decisionsJson}|${change.reviewNote}|${change.result}`
        ) {
          change.updatedAt = agg.now;
          await manager.save(ChangeEntity, change);
        }
      },
      need,
    );
    return this.reading.view(user, number);
  }
}

function expectState(change: ChangeEntity, states: ChangeState[], number: string): void {
  if (!states.includes(change.state))
    throw new ChangeError(
      'change.wrong_state',
      `Perubahan ${number} berstatus "${change.state}"; aksi ini untuk status ${states.join(', ')}.`,
    );
}

function setState(agg: TicketAggregate, change: ChangeEntity, to: ChangeState): void {
  const from = change.state;
  if (from === to) return;
  change.state = to;
  event(agg, 'change.status_changed', { from, to });
}
