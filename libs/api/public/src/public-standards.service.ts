import { Injectable, Optional } from '@nestjs/common';
import {
  DEFAULT_COMPLAINT_TIER,
  type PublicOffice,
  type PublicOfficeDetail,
  type PublicPerformance,
  type PublicServiceDetail,
  type PublicServiceSummary,
} from '@sigap/contracts';
import {
  addTotals,
  computeIkm,
  EMPTY_TOTALS,
  stepOwner,
  type ServiceStandard,
} from '@sigap/standards';
import { DataSource, IsNull } from 'typeorm';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { ComplaintTierEntity } from '@sigap/api-complaints';
import { ServiceVersionEntity } from '@sigap/api-catalog';
import { Clock } from '@sigap/api-clock';
import { OfficeEntity } from '@sigap/api-offices';
import { PositionEntity } from '@sigap/api-offices';
import { zoneAbbreviation } from '@sigap/api-offices';
import { IkmReportService } from '@sigap/api-survey';
import { dialectOf } from '@sigap/api-database';
import { PublicError } from './public-error';

/** Figures are recomputed at most this often per office (and service). */
const PERFORMANCE_TTL_MS = 10 * 60_000;

/** `YYYY-MM-DD` of an instant in a zone. */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function percent(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * The public page of service standards: what an office publishes (Permenpan RB 15/2014), read
 * from the catalog's current versions, and its performance over the last 12 months. Positions
 * are shown by name, never the people holding them; ids stay inside.
 */
@Injectable()
export class PublicStandardsService {
  private readonly performanceCache = new Map<
    string,
    { at: number; until: number; value: PublicPerformance }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() private readonly ikmReports?: IkmReportService,
  ) {}

  async offices(): Promise<PublicOffice[]> {
    const manager = this.dataSource.manager;
    const [offices, counts] = await Promise.all([
      manager.find(OfficeEntity, { where: { retiredAt: IsNull() }, order: { name: 'ASC' } }),
      manager
        .createQueryBuilder(CatalogServiceEntity, 's')
        .select('s.office_code', 'office')
        .addSelect('COUNT(*)', 'n')
        .where("s.status = 'active'")
        .groupBy('s.office_code')
        .getRawMany<{ office: string; n: number | string }>(),
    ]);
    const byOffice = new Map(counts.map((c) => [c.office, Number(c.n)]));
    return offices.map((o) => toPublicOffice(o, byOffice.get(o.code) ?? 0));
  }

  async office(code: string): Promise<PublicOfficeDetail> {
    const office = await this.findOffice(code);
    const services = await this.dataSource.manager.find(CatalogServiceEntity, {
      where: { officeCode: office.code, status: 'active' },
      order: { name: 'ASC' },
    });
    const standards = await this.currentStandards(services);
    const list: PublicServiceSummary[] = services.map((s) => {
      const standard = standards.get(s.id);
      return {
        code: s.code,
        name: standard?.name ?? s.name,
        kind: standard?.kind ?? 'standar-pelayanan',
        serviceTime: standard?.serviceTime.text ?? '',
        cost: standard?.cost.text ?? '',
        free: standard?.cost.free ?? false,
      };
    });
    return {
      office: toPublicOffice(office, services.length),
      services: list,
      performance: await this.performance(office, null),
      complaintTiers: await this.complaintTiers(office.code),
    };
  }

  /** The office's published complaint tiers in order, or the default (SP4N-LAPOR!) alone. */
  private async complaintTiers(officeCode: string): Promise<PublicOfficeDetail['complaintTiers']> {
    const rows = await this.dataSource.manager.find(ComplaintTierEntity, {
      where: { officeCode },
      order: { position: 'ASC' },
    });
    const tiers = rows.length ? rows : [DEFAULT_COMPLAINT_TIER];
    return tiers.map((t) => ({
      name: t.name,
      description: t.description,
      workingDays: t.workingDays,
    }));
  }

  async service(officeCode: string, code: string): Promise<PublicServiceDetail> {
    const office = await this.findOffice(officeCode);
    const manager = this.dataSource.manager;
    const service = await manager.findOne(CatalogServiceEntity, {
      where: { officeCode: office.code, code, status: 'active' },
    });
    if (!service) {
      throw new PublicError(
        'public.service_not_found',
        `Layanan "${code}" tidak ada di daftar layanan aktif kantor ini.`,
      );
    }
    const [standards, positions, activeCount] = await Promise.all([
      this.currentStandards([service]),
      manager.find(PositionEntity, { where: { officeCode: office.code } }),
      manager.count(CatalogServiceEntity, { where: { officeCode: office.code, status: 'active' } }),
    ]);
    const standard = standards.get(service.id);
    if (!standard) {
      throw new PublicError('public.service_not_found', `Layanan "${code}" belum diterbitkan.`);
    }
    const positionName = new Map(positions.map((p) => [p.code, p.name]));
    const nameOf = (code: string) => positionName.get(code) ?? code;
    const requesterSide = new Set(positions.filter((p) => p.requesterSide).map((p) => p.code));
    return {
      office: toPublicOffice(office, activeCount),
      code: service.code,
      name: standard.name,
      kind: standard.kind,
      decree: standard.decree,
      version: service.currentVersion,
      updatedAt: service.updatedAt.toISOString(),
      requirements: standard.requirements,
      submissionNote: standard.submissionNote ?? null,
      intakeChannels: standard.intakeChannels ?? [],
      steps: standard.steps.map((s) => ({
        order: s.order,
        description: s.description,
        executors: s.executors.map(nameOf),
        owner: nameOf(stepOwner(s, (code) => requesterSide.has(code))),
        participants: s.participants ?? [],
        time: s.time,
        output: s.output,
        parallelWithPrevious: s.parallelWithPrevious ?? false,
        followUp: s.followUp ?? false,
      })),
      serviceTime: {
        text: standard.serviceTime.text,
        byChannel: standard.serviceTime.byChannel ?? [],
      },
      cost: standard.cost,
      products: standard.products,
      complaintChannels: standard.complaintChannels,
      complaintNote: standard.complaintNote ?? null,
      derived: standard.derived ?? [],
      performance: await this.performance(office, service.code),
    };
  }

  /**
   * The last 12 months: requests finished with a frozen SLA clock (within the limit: met or
   * met late), complaints received and answered within their time (their tier's working days), and the IKM from
   * the survey's questionnaires when there are any.
   */
  async performance(office: OfficeEntity, service: string | null): Promise<PublicPerformance> {
    const key = `${office.code}\n${service ?? ''}`;
    const nowMs = this.clock.nowMs();
    const hit = this.performanceCache.get(key);
    if (hit && hit.at <= nowMs && hit.until > nowMs) return hit.value;
    const now = new Date(nowMs);
    const from = new Date(now);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    const manager = this.dataSource.manager;
    const requests = manager
      .createQueryBuilder()
      .select('t.sla_state', 'state')
      .addSelect('COUNT(*)', 'n')
      .from('tickets', 't')
      .where('t.office_code = :office', { office: office.code })
      .andWhere("t.kind = 'request'")
      .andWhere("t.status = 'closed'")
      .andWhere('t.sla_snapshot IS NOT NULL')
      .andWhere('t.closed_at >= :from', { from: dialectOf(manager).instant(from) })
      .groupBy('t.sla_state');
    if (service) requests.andWhere('t.service_code = :service', { service });
    const complaints = manager
      .createQueryBuilder()
      .select('t.sla_state', 'state')
      .addSelect('t.is_open', 'open')
      .addSelect('COUNT(*)', 'n')
      .from('tickets', 't')
      .where('t.office_code = :office', { office: office.code })
      .andWhere("t.kind = 'complaint'")
      .andWhere('t.created_at >= :from', { from: dialectOf(manager).instant(from) })
      .groupBy('t.sla_state')
      .addGroupBy('t.is_open');
    if (service) complaints.andWhere('t.service_code = :service', { service });
    const [requestRows, complaintRows, ikm] = await Promise.all([
      requests.getRawMany<{ state: string; n: number | string }>(),
      complaints.getRawMany<{ state: string; open: unknown; n: number | string }>(),
      this.ikm(office, service, from, now),
    ]);
    const within = (state: string) => state === 'met' || state === 'met-late';
    const finished = requestRows.reduce((sum, r) => sum + Number(r.n), 0);
    const withinTime = requestRows
      .filter((r) => within(r.state))
      .reduce((sum, r) => sum + Number(r.n), 0);
    const complaintCount = complaintRows.reduce((sum, r) => sum + Number(r.n), 0);
    const answered = complaintRows
      .filter((r) => within(r.state))
      .reduce((sum, r) => sum + Number(r.n), 0);
    const value: PublicPerformance = {
      from: localDate(from, office.timeZone),
      to: localDate(now, office.timeZone),
      finished,
      withinTime,
      compliancePercent: percent(withinTime, finished),
      complaints: complaintCount,
      complaintsAnsweredInTime: answered,
      ikm,
    };
    this.performanceCache.set(key, { at: nowMs, until: nowMs + PERFORMANCE_TTL_MS, value });
    return value;
  }

  /** The IKM over the period from the survey module; null without respondents. */
  private async ikm(
    office: OfficeEntity,
    service: string | null,
    from: Date,
    to: Date,
  ): Promise<PublicPerformance['ikm']> {
    if (!this.ikmReports) return null;
    const report = await this.ikmReports.ikm({
      office: office.code,
      service,
      from: localDate(from, office.timeZone),
      to: localDate(to, office.timeZone),
      period: 'year',
    });
    // The report is per calendar year: add the years' sums (average x respondents) back up.
    let totals = EMPTY_TOTALS;
    for (const row of report.totals) {
      if (!row.respondents || !row.averages) continue;
      totals = addTotals(totals, {
        respondents: row.respondents,
        sums: row.averages.map((a) => Math.round(a * row.respondents)),
      });
    }
    if (!totals.respondents) return null;
    const result = computeIkm(totals);
    if (result.shown === null || !result.grade) return null;
    return {
      value: result.shown,
      shown: result.shown.toFixed(2),
      grade: result.grade,
      respondents: totals.respondents,
    };
  }

  private async findOffice(code: string): Promise<OfficeEntity> {
    const office = /^[a-z0-9-]{1,40}$/.test(code)
      ? await this.dataSource.manager.findOne(OfficeEntity, { where: { code } })
      : null;
    if (!office) throw new PublicError('public.office_not_found', `Kantor "${code}" tidak ada.`);
    return office;
  }

  private async currentStandards(
    services: CatalogServiceEntity[],
  ): Promise<Map<string, ServiceStandard>> {
    if (!services.length) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(ServiceVersionEntity, 'v')
      .where(
        services
          .map((_, i) => `(v.service_id = :id${i} AND v.version = :version${i})`)
          .join(' OR '),
        Object.fromEntries(
          services.flatMap((s, i) => [
            [`id${i}`, s.id],
            [`version${i}`, s.currentVersion],
          ]),
        ),
      )
      .getMany();
    return new Map(rows.map((r) => [r.serviceId, JSON.parse(r.standardJson) as ServiceStandard]));
  }
}

function toPublicOffice(o: OfficeEntity, serviceCount: number): PublicOffice {
  return {
    code: o.code,
    name: o.name,
    timeZone: o.timeZone,
    zone: zoneAbbreviation(o.timeZone),
    address: o.address,
    website: o.website,
    serviceCount,
  };
}
