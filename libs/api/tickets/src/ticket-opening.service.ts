import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import type { Channel, ServiceStandard } from '@sigap/standards';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { aliasedColumns, hydrateRow, runSql } from '@sigap/api-database';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OpdError } from '@sigap/api-opds';
import { OpdsService, toContactView } from '@sigap/api-opds';
import { RequesterContactEntity } from '@sigap/api-opds';
import { leastLoadedHolder, LEAST_LOADED_HOLDER_SQL, type HolderPicker } from './assignment';
import {
  SERVICE_POINTER_COLUMNS,
  ServiceCache,
  type CachedOffice,
  type CachedService,
  type ServicePointerRow,
} from './service-cache';
import { TicketError } from './ticket-error';
import { stepsOf, TicketFactory } from './ticket-factory';
import { TicketReadingService } from './ticket-reading.service';
import type { TicketEntity } from './ticket.entity';
import {
  activateNextSteps,
  aggregateOf,
  event,
  reconcileClocks,
  refreshStoredFigures,
  type TicketAggregate,
} from './workflow';

/** The opening's read statement by shape, built once per database connection (its dialect). */
const openingReadsSql = new WeakMap<object, Map<string, string>>();
/** Positions an opening assigns, per office snapshot and service version. */
const openingPositionsCache = new WeakMap<CachedOffice, Map<string, string[]>>();

export interface OpenTicketInput {
  office: string;
  service: string;
  channel: Channel;
  subject: string;
  description: string;
  requesterId?: string;
  requester?: { name: string; email?: string; phone?: string; opdId?: string };
}

/** Opening service requests (staff at the desk, the requester portal). */
@Injectable()
export class TicketOpeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly factory: TicketFactory,
    private readonly reading: TicketReadingService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly clock: Clock,
  ) {}

  /** Opens a ticket: one transaction, batched inserts, cached service version and calendar. */
  /**
   * `origin: 'requester'` is the requester portal: the caller has checked the requester's own
   * session and passes the contact as `requesterId`; no staff role is needed then.
   */
  async open(
    user: AuthUser,
    input: OpenTicketInput,
    origin: 'staff' | 'requester' = 'staff',
  ): Promise<TicketDetail> {
    if (
      origin === 'staff' &&
      !hasRole(user, 'admin') &&
      !(hasRole(user, 'agent') && user.office === input.office)
    ) {
      throw new TicketError(
        'ticket.forbidden',
        `Hanya helpdesk kantor "${input.office}" yang boleh membuka tiketnya.`,
      );
    }
    if (!input.requesterId === !input.requester) {
      throw new TicketError('ticket.invalid', 'Isi salah satu: requesterId atau requester.', [
        {
          path: 'requester',
          message: 'isi requesterId (kontak lama) atau requester (kontak baru)',
        },
      ]);
    }
    const calendar = await this.calendars.forOffice(input.office);
    const opened = await this.dataSource.transaction(async (manager) => {
      const office = await this.cache.officeForOpening(manager, input.office);
      const reads = await this.openingReads(manager, office, input);
      const service = reads.service;
      const contact =
        reads.contact ??
        (await this.opds.insertContact(
          manager,
          input.office,
          input.requester as NonNullable<OpenTicketInput['requester']>,
          user.id,
        ));
      const now = this.clock.now();
      if (contact.officeCode !== input.office) {
        throw new TicketError('ticket.invalid', 'Kontak pemohon milik kantor lain.', [
          { path: 'requesterId', message: 'kontak kantor lain' },
        ]);
      }
      if (contact.deactivatedAt) {
        throw new TicketError('ticket.invalid', 'Kontak pemohon sudah dinonaktifkan.', [
          { path: 'requesterId', message: 'kontak pemohon nonaktif' },
        ]);
      }
      const standard = service.standard;
      const agg = this.factory.draft(
        {
          officeCode: input.office,
          service,
          channel: input.channel,
          contact,
          subject: input.subject.trim(),
          description: input.description,
          createdBy: user.id,
          createdAt: now,
          receivedAt: now,
        },
        { standard, calendar, now, actorId: user.id, office },
      );
      const ticket = agg.ticket;
      event(agg, 'ticket.opened', {
        service: service.code,
        serviceVersion: service.version,
        channel: input.channel,
      });
      this.factory.startFirstResponse(agg);
      await activateNextSteps(agg, manager, this.cache, true, reads.pickHolder);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      // The mail (the receipt to the requester, the assignees') is queued with the number.
      await this.factory.create(manager, agg, {
        counter: { key: office.code, prefix: office.ticketPrefix },
        numberedAt: now,
        timelineAt: now,
        receipt: !!contact.email,
        mailAt: now,
        audit: {
          actorId: user.id,
          action: 'ticket.opened',
          after: {
            service: service.code,
            serviceVersion: service.version,
            channel: input.channel,
            requester: contact.id,
            subject: ticket.subject,
          },
        },
      });
      return { agg, contact };
    });
    // The answer is built after the commit: its reads (the assignees' names) need no lock, and
    // the office's ticket counter is released as soon as the rows are in.
    return this.reading.render(
      this.dataSource.manager,
      opened.agg,
      'full',
      toContactView(opened.contact),
    );
  }

  /**
   * The opening's reads in one statement (each statement is a round trip to the database, on
   * the opening's hot path): the service's current-version pointer; the requester contact when
   * one is named; and the least loaded holder of the position the opening will assign, when the
   * service's last known version says which one it is (a single office position). The guess is
   * used only when the pointer read names that same version; otherwise the activation reads
   * holders itself, as it always may. Refusals keep their order: an unknown or retired service
   * (422), then an unknown contact (404).
   */
  private async openingReads(
    manager: EntityManager,
    office: CachedOffice,
    input: OpenTicketInput,
  ): Promise<{
    service: CachedService;
    contact: RequesterContactEntity | null;
    pickHolder: HolderPicker;
  }> {
    const guess = this.cache.lastKnown(input.office, input.service);
    const positions = guess ? await this.openingPositions(office, guess) : [];
    const position = positions.length === 1 ? positions[0] : null;
    const withContact = !!input.requesterId;
    const key = `${withContact}:${position !== null}`;
    let byShape = openingReadsSql.get(manager.connection);
    if (!byShape) {
      byShape = new Map();
      openingReadsSql.set(manager.connection, byShape);
    }
    let sql = byShape.get(key);
    if (!sql) {
      const contactColumns = withContact
        ? `, ${aliasedColumns(manager, RequesterContactEntity, 'c', 'c_')}`
        : '';
      sql = `SELECT ${SERVICE_POINTER_COLUMNS}${contactColumns}${position !== null ? ', h.user_id AS h_user_id, h.name AS h_name' : ''}
               FROM catalog_services s${withContact ? ' LEFT JOIN requester_contacts c ON c.id = ?' : ''}${position !== null ? ` LEFT JOIN (${LEAST_LOADED_HOLDER_SQL}) h ON 1 = 1` : ''}
              WHERE s.office_code = ? AND s.code = ?`;
      byShape.set(key, sql);
    }
    const params: unknown[] = [];
    if (withContact) params.push(input.requesterId);
    if (position !== null) params.push(input.office, position, true);
    params.push(input.office, input.service);
    const rows: (ServicePointerRow & Record<string, unknown>)[] = await runSql(
      manager,
      sql,
      params,
    );
    const service = await this.cache.fromPointer(manager, input.office, input.service, rows[0]);
    const row = rows[0];
    let contact: RequesterContactEntity | null = null;
    if (withContact) {
      if (row['c_id'] === null || row['c_id'] === undefined)
        throw new OpdError('contact.not_found', `Kontak pemohon "${input.requesterId}" tidak ada.`);
      contact = hydrateRow(manager, RequesterContactEntity, row, 'c_');
    }
    let pickHolder: HolderPicker = leastLoadedHolder;
    if (
      position !== null &&
      guess &&
      guess.serviceId === service.serviceId &&
      guess.version === service.version
    ) {
      // Nobody holds the position: no row joined, and the step stays unassigned as it would.
      const prefetched =
        row['h_user_id'] === null || row['h_user_id'] === undefined
          ? null
          : { id: String(row['h_user_id']), name: String(row['h_name']) };
      let pending = true;
      pickHolder = (m, officeCode, positionCode) => {
        if (pending && officeCode === input.office && positionCode === position) {
          pending = false;
          return Promise.resolve(prefetched);
        }
        return leastLoadedHolder(m, officeCode, positionCode);
      };
    }
    return { service, contact, pickHolder };
  }

  /**
   * The office positions whose holders an opening of this service version assigns (the steps
   * that become active at once), found by running the activation itself on a scratch ticket
   * that records the positions it asks for. Kept per office snapshot and version.
   */
  private async openingPositions(
    office: CachedOffice,
    service: { serviceId: string; version: number; standard: ServiceStandard },
  ): Promise<string[]> {
    let byVersion = openingPositionsCache.get(office);
    if (!byVersion) {
      byVersion = new Map();
      openingPositionsCache.set(office, byVersion);
    }
    const key = `${service.serviceId}:${service.version}`;
    const known = byVersion.get(key);
    if (known) return known;
    const positions: string[] = [];
    const scratch = aggregateOf({
      // Only the fields the activation reads of the ticket (its number, for the mail payload).
      ticket: { number: '', clockRound: 1 } as TicketEntity,
      checklist: [],
      steps: stepsOf(service.standard, office, ''),
      standard: service.standard,
      calendar: null as unknown as TicketAggregate['calendar'],
      now: new Date(0),
      actorId: null,
    });
    // The recording picker reads nothing: the manager is never used.
    await activateNextSteps(scratch, this.dataSource.manager, this.cache, true, (_m, _o, p) => {
      positions.push(p);
      return Promise.resolve(null);
    });
    byVersion.set(key, positions);
    return positions;
  }
}
