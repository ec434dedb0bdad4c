import { Injectable } from '@nestjs/common';
import type { ChangeOverlap, OpenChangeResponse } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { TicketItServiceEntity } from '@sigap/api-incidents';
import { ItServicesService } from '@sigap/api-it-services';
import { OpdsService, RequesterContactEntity } from '@sigap/api-opds';
import {
  activateNextSteps,
  event,
  reconcileClocks,
  refreshStoredFigures,
  ServiceCache,
  TicketFactory,
} from '@sigap/api-tickets';
import { assertCanRecord } from './access';
import { ChangeError } from './change-error';
import { ChangePolicyService } from './change-policy.service';
import { ChangeReadingService } from './change-reading.service';
import { changePrefix, changeStandard } from './change-standard';
import type { OpenChangeDto } from './change.dto';
import { ChangeEntity } from './change.entity';

/** The longest planned window a change may ask for. */
const MAX_WINDOW_MS = 31 * 86_400_000;

/**
 * Opening changes (perubahan): tickets of kind `change`, numbered `PRB…` on a counter of their
 * own per office and year, with one approval step per approver the office's policy names for
 * the change's risk (each step its own clock). A change whose planned window overlaps another
 * open change on a shared IT service is opened all the same, with a warning naming the other.
 */
@Injectable()
export class ChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly clock: Clock,
    private readonly factory: TicketFactory,
    private readonly cache: ServiceCache,
    private readonly itServices: ItServicesService,
    private readonly policies: ChangePolicyService,
    private readonly reading: ChangeReadingService,
  ) {}

  async open(user: AuthUser, input: OpenChangeDto): Promise<OpenChangeResponse> {
    assertCanRecord(user, input.office);
    if (!input.requesterId === !input.requester) {
      throw new ChangeError('change.invalid', 'Isi salah satu: requesterId atau requester.', [
        {
          path: 'requester',
          message: 'isi requesterId (kontak lama) atau requester (kontak baru)',
        },
      ]);
    }
    const start = new Date(input.plannedStart);
    const end = new Date(input.plannedEnd);
    if (!(end.getTime() > start.getTime()))
      throw new ChangeError('change.invalid', 'Jendela perubahan tidak valid.', [
        { path: 'plannedEnd', message: 'waktu selesai harus setelah waktu mulai' },
      ]);
    if (end.getTime() - start.getTime() > MAX_WINDOW_MS)
      throw new ChangeError('change.invalid', 'Jendela perubahan terlalu panjang.', [
        { path: 'plannedEnd', message: 'jendela perubahan paling lama 31 hari' },
      ]);
    const number = await this.dataSource.transaction(async (manager) => {
      const office = await this.cache.officeForOpening(manager, input.office);
      const services = await this.itServices.activeByCodes(manager, office.code, input.services);
      const approvers = await this.policies.approversFor(manager, office.code, input.risk);
      const contact = await this.contactFor(manager, user, input);
      const calendar = await this.calendars.forOffice(office.code);
      const now = this.clock.now();
      const agg = this.factory.draft(
        {
          officeCode: office.code,
          service: null,
          channel: input.channel,
          contact,
          subject: input.subject,
          description: input.description,
          createdBy: user.id,
          createdAt: now,
          receivedAt: now,
          kind: { kind: 'change', relatedTicketId: null },
        },
        {
          standard: changeStandard(office.code, approvers),
          calendar,
          now,
          actorId: user.id,
          office,
        },
      );
      const state = approvers.length ? 'awaiting-approval' : 'approved';
      event(agg, 'change.opened', {
        channel: input.channel,
        services: services.map((s) => s.code),
        risk: input.risk,
        plannedStart: start.toISOString(),
        plannedEnd: end.toISOString(),
        approvers: approvers.map((a) => a.position),
      });
      if (!approvers.length) event(agg, 'change.approved', { approvers: [] });
      await activateNextSteps(agg, manager, this.cache, true);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      return this.factory.create(manager, agg, {
        counter: { key: `${office.code}#prb`, prefix: changePrefix(office.ticketPrefix) },
        numberedAt: now,
        timelineAt: now,
        receipt: !!contact.email,
        mailAt: now,
        beforeNumber: async () => {
          await manager.insert(ChangeEntity, {
            ticketId: agg.ticket.id,
            officeCode: office.code,
            state,
            risk: input.risk,
            rollbackPlan: input.rollbackPlan,
            plannedStart: start,
            plannedEnd: end,
            approversJson: JSON.stringify(approvers),
            decisionsJson: '[]',
            actualStart: null,
            actualEnd: null,
            result: null,
            implementationNote: null,
            reviewNote: null,
            reviewedAt: null,
            createdAt: now,
            updatedAt: now,
          });
          await manager.insert(
            TicketItServiceEntity,
            services.map((s, i) => ({
              ticketId: agg.ticket.id,
              itServiceId: s.id,
              officeCode: office.code,
              position: i + 1,
            })),
          );
        },
        audit: {
          actorId: user.id,
          action: 'change.opened',
          after: {
            channel: input.channel,
            services: services.map((s) => s.code),
            risk: input.risk,
            plannedStart: start.toISOString(),
            plannedEnd: end.toISOString(),
            approvers: approvers.map((a) => a.position),
            requester: contact.id,
          },
        },
      });
    });
    const change = await this.reading.view(user, number);
    return { change, warnings: change.overlaps.length ? [overlapWarning(change.overlaps)] : [] };
  }

  /** The requester: an existing contact of the office (of an OPD), or a new one. */
  private async contactFor(
    manager: EntityManager,
    user: AuthUser,
    input: OpenChangeDto,
  ): Promise<RequesterContactEntity> {
    if (input.requesterId) {
      const contact = await this.opds.findContact(manager, input.requesterId);
      if (contact.officeCode !== input.office) {
        throw new ChangeError('change.invalid', 'Kontak pemohon milik kantor lain.', [
          { path: 'requesterId', message: 'kontak kantor lain' },
        ]);
      }
      if (contact.deactivatedAt) {
        throw new ChangeError('change.invalid', 'Kontak pemohon sudah dinonaktifkan.', [
          { path: 'requesterId', message: 'kontak pemohon nonaktif' },
        ]);
      }
      return contact;
    }
    return this.opds.insertContact(
      manager,
      input.office,
      input.requester as NonNullable<OpenChangeDto['requester']>,
      user.id,
    );
  }
}

export function overlapWarning(overlaps: ChangeOverlap[]): OpenChangeResponse['warnings'][number] {
  return {
    code: 'change.overlap',
    message: `Jendela perubahan bertumpang tindih dengan ${overlaps
      .map((o) => o.number)
      .join(', ')} pada layanan yang sama.`,
    overlaps,
  };
}
