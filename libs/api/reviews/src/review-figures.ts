import { Injectable } from '@nestjs/common';
import type {
  ComplianceRow,
  ReviewComplianceFigures,
  ReviewFiguresSnapshot,
} from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { DashboardsService } from '@sigap/api-dashboards';
import type { AuthUser } from '@sigap/api-identity';

function folded(rows: Pick<ComplianceRow, 'total' | 'met' | 'metLate' | 'breached'>[]) {
  const sum = (k: 'total' | 'met' | 'metLate' | 'breached') => rows.reduce((s, r) => s + r[k], 0);
  const total = sum('total');
  const met = sum('met');
  const metLate = sum('metLate');
  const figures: ReviewComplianceFigures = {
    total,
    met,
    metLate,
    breached: sum('breached'),
    withinLimitShare: total ? (met + metLate) / total : null,
  };
  return figures;
}

/**
 * The figures a review keeps: the office's dashboard figures for the months reviewed, read
 * through the dashboards' own service (the same numbers the dashboard shows for that office and
 * range, as of its last refresh), reduced to what the meeting looks at.
 */
@Injectable()
export class ReviewFiguresService {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
  ) {}

  /** `user` reads the dashboards: the recording manager, or an admin. */
  async snapshot(
    user: AuthUser,
    office: string,
    from: string,
    to: string,
  ): Promise<ReviewFiguresSnapshot> {
    const filter = { office, from, to };
    const compliance = await this.dashboards.compliance(user, {
      ...filter,
      level: 'tickets',
      by: 'service',
    });
    const firstResponse = await this.dashboards.firstResponse(user, filter);
    const incidents = await this.dashboards.incidents(user, filter);
    const ikm = await this.dashboards.ikm(user, { ...filter, period: 'quarter' });
    const overall = firstResponse.overall;
    return {
      from: compliance.from,
      to: compliance.to,
      takenAt: this.clock.now().toISOString(),
      dataAsOf: compliance.dataAsOf,
      tickets: folded(compliance.trend),
      firstResponse: { ...folded([overall]), medianMinutes: overall.medianMinutes },
      incidents: {
        total: incidents.total.total,
        responseShare: incidents.total.responseShare,
        resolutionShare: incidents.total.resolutionShare,
        meanRestoreMinutes: incidents.total.meanRestoreMinutes,
      },
      ikm: ikm.totals
        .filter((t) => t.officeCode === office)
        .map((t) => ({
          period: t.period,
          respondents: t.respondents,
          shown: t.shown,
          gradeName: t.gradeName,
        })),
    };
  }
}
