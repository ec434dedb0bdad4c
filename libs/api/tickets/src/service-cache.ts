import { Injectable, Optional } from '@nestjs/common';
import { parseDuration, type Duration, type ServiceStandard } from '@sigap/standards';
import type { EntityManager } from 'typeorm';
import { ServiceVersionEntity } from '@sigap/api-catalog';
import { OfficeChanges } from '@sigap/api-offices';
import { OfficeEntity } from '@sigap/api-offices';
import { PositionEntity } from '@sigap/api-offices';
import { runSql } from '@sigap/api-database';
import { TicketError } from './ticket-error';

export interface CachedService {
  serviceId: string;
  office: string;
  code: string;
  version: number;
  status: string;
  standard: ServiceStandard;
}

export interface CachedOffice {
  code: string;
  ticketPrefix: string;
  /** A retired office keeps its tickets but opens no new ones. */
  retired: boolean;
  positions: Map<string, { id: string; requesterSide: boolean }>;
}

/** The current-version pointer of a service, as `SERVICE_POINTER_COLUMNS` names it. */
export interface ServicePointerRow {
  svc_id: string;
  svc_status: string;
  svc_version: number | string;
}

/** Select list of the pointer columns over `catalog_services s`. */
export const SERVICE_POINTER_COLUMNS =
  's.id AS svc_id, s.status AS svc_status, s.current_version AS svc_version';

/**
 * Keeps parsed service versions (immutable, cached for good) and office positions (refreshed
 * every 30 s) so that opening a ticket reads one small row for the current version pointer.
 */
@Injectable()
export class ServiceCache {
  private readonly versions = new Map<string, ServiceStandard>();
  private readonly offices = new Map<string, { at: number; office: CachedOffice }>();
  private readonly durations = new Map<string, Duration | null>();
  /** The version each service's pointer named when last read (by office and code). */
  private readonly lastCurrent = new Map<string, { serviceId: string; version: number }>();

  constructor(@Optional() changes?: OfficeChanges) {
    changes?.onChange((code) => this.offices.delete(code));
  }

  /**
   * The service as its pointer stood when last read, without reading it (null when not read
   * yet): a guess, for reads that can be batched with the pointer's own; the caller checks it
   * against the pointer it then reads.
   */
  lastKnown(
    office: string,
    code: string,
  ): { serviceId: string; version: number; standard: ServiceStandard } | null {
    const last = this.lastCurrent.get(`${office}\u0000${code}`);
    const standard = last && this.versions.get(`${last.serviceId}:${last.version}`);
    return last && standard ? { ...last, standard } : null;
  }

  async current(manager: EntityManager, office: string, code: string): Promise<CachedService> {
    // The current-version pointer is read on every opening (one indexed row, raw: it changes
    // when a new version is published); the parsed version itself comes from the cache.
    const rows: ServicePointerRow[] = await runSql(
      manager,
      `SELECT ${SERVICE_POINTER_COLUMNS} FROM catalog_services s WHERE s.office_code = ? AND s.code = ?`,
      [office, code],
    );
    return this.fromPointer(manager, office, code, rows[0]);
  }

  /**
   * The service a pointer row names (read by `current`, or within a caller's own statement with
   * `SERVICE_POINTER_COLUMNS` over `catalog_services s`); an unknown (no row) or retired service
   * is refused.
   */
  async fromPointer(
    manager: EntityManager,
    office: string,
    code: string,
    row: ServicePointerRow | undefined,
  ): Promise<CachedService> {
    const service = row
      ? { id: row.svc_id, status: row.svc_status, currentVersion: Number(row.svc_version) }
      : null;
    if (!service) {
      throw new TicketError(
        'ticket.unknown_service',
        `Layanan "${code}" tidak ada di katalog kantor "${office}".`,
        [{ path: 'service', message: 'layanan tidak dikenal' }],
      );
    }
    if (service.status !== 'active') {
      throw new TicketError(
        'ticket.service_retired',
        `Layanan "${code}" sudah tidak aktif; tiket baru tidak dapat dibuka untuknya.`,
        [{ path: 'service', message: 'layanan tidak aktif' }],
      );
    }
    const standard = await this.version(manager, service.id, service.currentVersion);
    this.lastCurrent.set(`${office}\u0000${code}`, {
      serviceId: service.id,
      version: service.currentVersion,
    });
    return {
      serviceId: service.id,
      office,
      code,
      version: service.currentVersion,
      status: service.status,
      standard,
    };
  }

  async version(
    manager: EntityManager,
    serviceId: string,
    version: number,
  ): Promise<ServiceStandard> {
    const key = `${serviceId}:${version}`;
    let standard = this.versions.get(key);
    if (!standard) {
      const row = await manager.findOneOrFail(ServiceVersionEntity, {
        where: { serviceId, version },
      });
      standard = JSON.parse(row.standardJson) as ServiceStandard;
      this.versions.set(key, standard);
    }
    return standard;
  }

  async office(manager: EntityManager, code: string): Promise<CachedOffice> {
    const hit = this.offices.get(code);
    if (hit && Date.now() - hit.at < 30_000) return hit.office;
    const office = await manager.findOne(OfficeEntity, { where: { code } });
    if (!office) {
      throw new TicketError('ticket.invalid', `Kantor "${code}" tidak dikenal.`, [
        { path: 'office', message: 'kantor tidak dikenal' },
      ]);
    }
    // Retired positions too: steps of earlier tickets may still name them.
    const positions = await manager.find(PositionEntity, { where: { officeCode: code } });
    const cached: CachedOffice = {
      code,
      ticketPrefix: office.ticketPrefix,
      retired: office.retiredAt !== null,
      positions: new Map(
        positions.map((p) => [p.code, { id: p.id, requesterSide: p.requesterSide }]),
      ),
    };
    this.offices.set(code, { at: Date.now(), office: cached });
    return cached;
  }

  /** The office for a new ticket: a retired one is refused. */
  async officeForOpening(manager: EntityManager, code: string): Promise<CachedOffice> {
    const office = await this.office(manager, code);
    if (office.retired) {
      throw new TicketError(
        'ticket.office_retired',
        `Kantor "${code}" sudah dipensiunkan; tiket baru tidak dapat dibuka untuknya.`,
        [{ path: 'office', message: 'kantor sudah dipensiunkan' }],
      );
    }
    return office;
  }

  /** The duration a time text stands for; null when the grammar cannot read it. */
  duration(text: string | null): Duration | null {
    if (!text) return null;
    if (!this.durations.has(text)) {
      let parsed: Duration | null;
      try {
        parsed = parseDuration(text);
      } catch {
        parsed = null;
      }
      this.durations.set(text, parsed);
    }
    return this.durations.get(text) ?? null;
  }
}
