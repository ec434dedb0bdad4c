import { Injectable } from '@nestjs/common';
import type {
  ChangeDashboardResponse,
  ComplianceResponse,
  DashboardPeriod,
  IkmDashboardResponse,
  IncidentDashboardResponse,
  KindDashboardResponse,
  ReviewEvidence,
} from '@sigap/contracts';
import type { DerivedField, ServiceStandard } from '@sigap/standards';
import { ReadReplica } from '@sigap/api-database';
import { Clock } from '@sigap/api-clock';
import { DashboardsService } from '@sigap/api-dashboards';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { ReviewsService } from '@sigap/api-reviews';
import { ReportError } from './report-error';
import type { EvidencePackQueryDto } from './evidence-pack.dto';

type Row = Record<string, unknown>;

/** One service of the catalog with the summary of its published standard. */
export interface EvidenceCatalogEntry {
  code: string;
  name: string;
  kind: ServiceStandard['kind'];
  decree: string | null;
  version: number;
  serviceTime: string;
  cost: string;
  products: string[];
  requirements: string[];
  steps: number;
  /** Components computed from the steps, not published. */
  derived: DerivedField[];
}

/** Everything the SPBE evidence pack shows; every figure is a dashboard answer as it is. */
export interface EvidencePackData {
  office: {
    code: string;
    name: string;
    timeZone: string;
    headName: string | null;
    headNip: string | null;
  };
  from: string;
  to: string;
  period: DashboardPeriod;
  generatedAt: Date;
  dataAsOf: string | null;
  catalog: EvidenceCatalogEntry[];
  /** Every ticket kind per period and the channels: the dashboard's `kinds`. */
  kinds: KindDashboardResponse;
  /** Closed tickets against their SLA per service: the dashboard's ticket compliance. */
  compliance: ComplianceResponse;
  incidents: IncidentDashboardResponse;
  changes: ChangeDashboardResponse;
  ikm: IkmDashboardResponse;
  /** The reviews held in the months and every improvement action with its status. */
  reviews: ReviewEvidence;
}

/** Office and months of the pack, checked against who asks: the office's manager or an admin. */
export function resolveEvidencePack(
  user: AuthUser,
  q: Pick<EvidencePackQueryDto, 'office' | 'from' | 'to'>,
): { office: string; from: string; to: string } {
  let office: string;
  if (hasRole(user, 'admin')) {
    const chosen = q.office ?? user.office;
    if (!chosen) throw ReportError.field('office', 'pilih kantor (admin melihat kantor mana pun)');
    office = chosen;
  } else if (hasRole(user, 'manager') && user.office) {
    if (q.office && q.office !== user.office)
      throw new ReportError('reports.forbidden', 'Bukti dukung kantor lain tidak dapat diunduh.');
    office = user.office;
  } else {
    throw new ReportError(
      'reports.forbidden',
      'Bukti dukung hanya untuk manajer kantor dan admin.',
    );
  }
  if (q.from > q.to) throw ReportError.field('from', 'bulan awal setelah bulan akhir');
  return { office, from: q.from, to: q.to };
}

/**
 * Gathers the SPBE evidence pack ("bukti dukung", indicator Penerapan Manajemen Layanan SPBE):
 * the service catalog with its standards, and the figures through the very calls the dashboard
 * page makes (kinds and channels, ticket compliance, incidents, changes, IKM) with the same
 * filters, so every number in the pack is the dashboard's.
 */
@Injectable()
export class EvidencePackService {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
    private readonly reader: ReadReplica,
    private readonly reviews: ReviewsService,
  ) {}

  async gather(user: AuthUser, q: EvidencePackQueryDto): Promise<EvidencePackData> {
    const { office, from, to } = resolveEvidencePack(user, q);
    const found = (
      await this.reader.query(
        'SELECT code, name, time_zone, head_name, head_nip FROM offices WHERE code = ?',
        [office],
      )
    )[0] as Row | undefined;
    if (!found)
      throw new ReportError('reports.office_unknown', `Kantor "${office}" tidak dikenal.`);
    const period = q.period ?? 'month';
    const filter = { office, from, to, period };
    const kinds = await this.dashboards.kinds(user, filter);
    const compliance = await this.dashboards.compliance(user, {
      ...filter,
      level: 'tickets',
      by: 'service',
    });
    const incidents = await this.dashboards.incidents(user, filter);
    const changes = await this.dashboards.changes(user, filter);
    const ikm = await this.dashboards.ikm(user, filter);
    return {
      office: {
        code: office,
        name: String(found['name']),
        timeZone: String(found['time_zone']),
        headName: (found['head_name'] as string | null) ?? null,
        headNip: (found['head_nip'] as string | null) ?? null,
      },
      from: kinds.from,
      to: kinds.to,
      period,
      generatedAt: this.clock.now(),
      dataAsOf: compliance.dataAsOf,
      catalog: await this.catalog(office),
      kinds,
      compliance,
      incidents,
      changes,
      ikm,
      reviews: await this.reviews.evidence(office, from, to),
    };
  }

  /** The office's services in force with the current version of their standards. */
  private async catalog(office: string): Promise<EvidenceCatalogEntry[]> {
    const rows: Row[] = await this.reader.query(
      `SELECT s.code AS code, s.name AS name, s.current_version AS version,
              v.standard_json AS standard
         FROM catalog_services s
         JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.current_version
        WHERE s.office_code = ? AND s.status = 'active'
        ORDER BY s.name`,
      [office],
    );
    return rows.map((row) => {
      const standard = JSON.parse(String(row['standard'])) as ServiceStandard;
      return {
        code: String(row['code']),
        name: String(row['name']),
        kind: standard.kind,
        decree: standard.decree ?? null,
        version: Number(row['version']),
        serviceTime: standard.serviceTime?.text ?? '',
        cost: standard.cost?.text ?? '',
        products: standard.products ?? [],
        requirements: (standard.requirements ?? []).map(
          (r) => `${r.text}${r.optional ? ' (tidak wajib)' : ''}`,
        ),
        steps: standard.steps?.length ?? 0,
        derived: standard.derived ?? [],
      };
    });
  }
}
