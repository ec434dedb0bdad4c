import { Injectable } from '@nestjs/common';
import type {
  IkmFigures,
  IkmPeriod,
  IkmReport,
  IkmRow,
  IkmTotalRow,
  RespondentProfile,
  SurveyCommentPage,
} from '@sigap/contracts';
import { PROFILE_MIN_COUNT } from '@sigap/contracts';
import {
  addTotals,
  computeIkm,
  EMPTY_TOTALS,
  IKM_GRADES,
  ikmShownText,
  type IkmTotals,
} from '@sigap/standards';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { PROFILE_DIMENSIONS, shownCounts } from './respondent-profile';
import { SCORE_COLUMNS, SurveyResponseEntity } from './survey.entities';

/** What to report on: local dates in the office's zone, inclusive. */
export interface IkmQuery {
  /** Office code; null for every office (admins). */
  office: string | null;
  /** Service code; null for every service. */
  service: string | null;
  /** Only questionnaires on tickets of this OPD (the dashboards' filter); unset for all. */
  opd?: string | null;
  from: string;
  to: string;
  period: IkmPeriod;
}

export interface CommentQuery extends Omit<IkmQuery, 'period'> {
  limit: number;
  offset: number;
}

/** `2026-05` as the key of its month, quarter or year. */
export function periodOf(month: string, period: IkmPeriod): string {
  const year = month.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'month') return month;
  return `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

function figures(totals: IkmTotals): IkmFigures {
  const r = computeIkm(totals);
  return {
    respondents: r.respondents,
    averages: r.averages,
    index: r.index,
    converted: r.converted,
    shown: r.shown === null ? null : r.shown.toFixed(2),
    grade: r.grade,
    gradeName: r.grade ? (IKM_GRADES.find((g) => g.grade === r.grade)?.name.id ?? null) : null,
  };
}

/**
 * The satisfaction index (IKM) per office, service and period, from the stored questionnaires.
 * The database sums scores per office, service and local month; months roll up into quarters and
 * years here (sums add up, averages would not). No access checks: callers decide who may ask
 * (the survey controller, the managers' dashboards).
 */
@Injectable()
export class IkmReportService {
  constructor(private readonly dataSource: DataSource) {}

  private filtered(q: Omit<IkmQuery, 'period'>): SelectQueryBuilder<SurveyResponseEntity> {
    const qb = this.dataSource
      .getRepository(SurveyResponseEntity)
      .createQueryBuilder('r')
      .where('r.local_date >= :from AND r.local_date <= :to', { from: q.from, to: q.to })
      // Implied by the dates; lets the database read the months' range of its IKM index.
      .andWhere('r.local_month >= :fromMonth AND r.local_month <= :toMonth', {
        fromMonth: q.from.slice(0, 7),
        toMonth: q.to.slice(0, 7),
      });
    if (q.office) qb.andWhere('r.office_code = :office', { office: q.office });
    if (q.service) qb.andWhere('r.service_code = :service', { service: q.service });
    if (q.opd)
      qb.andWhere('EXISTS (SELECT 1 FROM tickets t WHERE t.id = r.ticket_id AND t.opd_id = :opd)', {
        opd: q.opd,
      });
    return qb;
  }

  async ikm(q: IkmQuery): Promise<IkmReport> {
    const qb = this.filtered(q)
      .select('r.office_code', 'office')
      .addSelect('r.service_id', 'serviceId')
      .addSelect('r.service_code', 'serviceCode')
      .addSelect('r.local_month', 'month')
      .addSelect('COUNT(*)', 'n')
      // In the order of the index (office, month, service): no sorting of a temporary table.
      .groupBy('r.office_code')
      .addGroupBy('r.local_month')
      .addGroupBy('r.service_id')
      .addGroupBy('r.service_code');
    for (const c of SCORE_COLUMNS) qb.addSelect(`SUM(r.${c})`, c);
    const raw = await qb.getRawMany<Record<string, string | number>>();

    const byService = new Map<string, { row: Omit<IkmRow, keyof IkmFigures>; t: IkmTotals }>();
    const byOffice = new Map<string, { officeCode: string; period: string; t: IkmTotals }>();
    for (const r of raw) {
      const totals: IkmTotals = {
        respondents: Number(r['n']),
        sums: SCORE_COLUMNS.map((c) => Number(r[c])),
      };
      const officeCode = String(r['office']);
      const period = periodOf(String(r['month']), q.period);
      const serviceCode = String(r['serviceCode']);
      const key = `${officeCode}\n${period}\n${String(r['serviceId'])}`;
      const entry = byService.get(key) ?? {
        row: { officeCode, period, serviceCode, serviceName: String(r['serviceId']) },
        t: EMPTY_TOTALS,
      };
      entry.t = addTotals(entry.t, totals);
      byService.set(key, entry);
      const officeKey = `${officeCode}\n${period}`;
      const total = byOffice.get(officeKey) ?? { officeCode, period, t: EMPTY_TOTALS };
      total.t = addTotals(total.t, totals);
      byOffice.set(officeKey, total);
    }

    const ids = [...new Set([...byService.values()].map((e) => e.row.serviceName))];
    const services = ids.length
      ? await this.dataSource.getRepository(CatalogServiceEntity).find({
          select: { id: true, name: true },
          where: { id: In(ids) },
        })
      : [];
    const names = new Map(services.map((s) => [s.id, s.name]));
    const rows: IkmRow[] = [...byService.values()]
      .map(({ row, t }) => ({
        ...row,
        serviceName: names.get(row.serviceName) ?? row.serviceCode,
        ...figures(t),
      }))
      .sort(
        (a, b) =>
          a.officeCode.localeCompare(b.officeCode) ||
          a.period.localeCompare(b.period) ||
          a.serviceCode.localeCompare(b.serviceCode),
      );
    const totals: IkmTotalRow[] = [...byOffice.values()]
      .map(({ officeCode, period, t }) => ({ officeCode, period, ...figures(t) }))
      .sort((a, b) => a.officeCode.localeCompare(b.officeCode) || a.period.localeCompare(b.period));
    return {
      office: q.office,
      service: q.service,
      from: q.from,
      to: q.to,
      period: q.period,
      rows,
      totals,
    };
  }

  /**
   * Respondents per profile category, in aggregate only (no row names a respondent): the range
   * widened to whole months (narrowing it day by day must not tell one respondent apart), nothing
   * broken down below `PROFILE_MIN_COUNT` respondents, small categories merged (`shownCounts`).
   */
  async profile(q: Omit<IkmQuery, 'period'>): Promise<RespondentProfile> {
    const from = `${q.from.slice(0, 7)}-01`;
    const [y, m] = q.to.slice(0, 7).split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const to = `${q.to.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`;
    const scope = { ...q, from, to };
    const respondents = await this.filtered(scope).getCount();
    const suppressed = respondents < PROFILE_MIN_COUNT;
    const dimensions = {} as RespondentProfile['dimensions'];
    for (const d of PROFILE_DIMENSIONS) {
      if (suppressed) {
        dimensions[d.dimension] = [];
        continue;
      }
      const raw = await this.filtered(scope)
        .select(`r.${d.column}`, 'category')
        .addSelect('COUNT(*)', 'n')
        .groupBy(`r.${d.column}`)
        .getRawMany<{ category: string | null; n: string | number }>();
      const counts = new Map<string | null, number>();
      for (const row of raw) {
        // A code no longer on the list (none today) counts as not given rather than leaking.
        const known = d.options.some((o) => o.code === row.category);
        const key = known ? row.category : null;
        counts.set(key, (counts.get(key) ?? 0) + Number(row.n));
      }
      dimensions[d.dimension] = shownCounts(d.options, counts);
    }
    return {
      office: q.office,
      service: q.service,
      from,
      to,
      respondents,
      minimumCount: PROFILE_MIN_COUNT,
      suppressed,
      dimensions,
    };
  }

  /** Comments left with the questionnaires, newest first. */
  async comments(q: CommentQuery): Promise<SurveyCommentPage> {
    const qb = this.filtered(q).andWhere('r.comment IS NOT NULL');
    const total = await qb.clone().getCount();
    const found = await qb
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getMany();
    const ids = [...new Set(found.map((r) => r.serviceId))];
    const services = ids.length
      ? await this.dataSource.getRepository(CatalogServiceEntity).find({
          select: { id: true, name: true },
          where: { id: In(ids) },
        })
      : [];
    const names = new Map(services.map((s) => [s.id, s.name]));
    return {
      total,
      items: found.map((r) => {
        const converted = (25 * SCORE_COLUMNS.reduce((sum, c) => sum + r[c], 0)) / 9;
        return {
          ticketNumber: r.ticketNumber,
          officeCode: r.officeCode,
          serviceCode: r.serviceCode,
          serviceName: names.get(r.serviceId) ?? r.serviceCode,
          submittedAt: r.submittedAt.toISOString(),
          converted,
          shown: ikmShownText(converted),
          comment: r.comment ?? '',
        };
      }),
    };
  }
}
