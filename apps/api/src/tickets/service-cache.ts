import { Injectable } from '@nestjs/common';
import { parseDuration, type Duration, type ServiceStandard } from '@sigap/standards';
import type { EntityManager } from 'typeorm';
import { ServiceVersionEntity } from '../catalog/service-version.entity';
import { OfficeEntity } from '../offices/office.entity';
import { PositionEntity } from '../offices/position.entity';
import { runSql } from './row-insert';
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
  positions: Map<string, { id: string; requesterSide: boolean }>;
}

/**
 * Keeps parsed service versions (immutable, cached for good) and office positions (refreshed
 * every 30 s) so that opening a ticket reads one small row for the current version pointer.
 */
@Injectable()
export class ServiceCache {
  private readonly versions = new Map<string, ServiceStandard>();
  private readonly offices = new Map<string, { at: number; office: CachedOffice }>();
  private readonly durations = new Map<string, Duration | null>();

  async current(manager: EntityManager, office: string, code: string): Promise<CachedService> {
    // The current-version pointer is read on every opening (one indexed row, raw: it changes
    // when a new version is published); the parsed version itself comes from the cache.
    const rows: { id: string; status: string; current_version: number | string }[] = await runSql(
      manager,
      'SELECT id, status, current_version FROM catalog_services WHERE office_code = ? AND code = ?',
      [office, code],
    );
    const service = rows[0]
      ? { id: rows[0].id, status: rows[0].status, currentVersion: Number(rows[0].current_version) }
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
    const positions = await manager.find(PositionEntity, { where: { officeCode: code } });
    const cached: CachedOffice = {
      code,
      ticketPrefix: office.ticketPrefix,
      positions: new Map(
        positions.map((p) => [p.code, { id: p.id, requesterSide: p.requesterSide }]),
      ),
    };
    this.offices.set(code, { at: Date.now(), office: cached });
    return cached;
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
