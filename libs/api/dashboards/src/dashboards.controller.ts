import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  DASHBOARD_TABLES,
  type AtRiskResponse,
  type BacklogResponse,
  type ChangeDashboardResponse,
  type ComplianceResponse,
  type DashboardMeta,
  type DashboardTable,
  type FirstResponseResponse,
  type IncidentDashboardResponse,
  type IkmDashboardResponse,
  type KindDashboardResponse,
  type StepBottlenecksResponse,
  type WorkloadResponse,
} from '@sigap/contracts';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser, TokenScope } from '@sigap/api-identity';
import { DashboardError } from './dashboard-error';
import { DashboardRefreshService, type RefreshResult } from './dashboard-refresh.service';
import { ComplianceQueryDto, DashboardFilterDto } from './dashboard.dto';
import { DashboardsService } from './dashboards.service';
import {
  atRiskSheets,
  backlogSheets,
  complianceSheets,
  firstResponseSheets,
  ikmSheets,
  stepSheets,
  toCsv,
  toXlsx,
  workloadSheets,
  type Sheet,
} from './export';
import { IsOptionalNotNull, ApiAnswers, ApiAnswersFile } from '@sigap/api-common';

const FORMATS = ['csv', 'xlsx'] as const;

export class ExportQueryDto extends ComplianceQueryDto {
  @ApiPropertyOptional({ enum: FORMATS, default: 'csv' })
  @IsOptionalNotNull()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];
}

/**
 * SLA dashboards of an office. Every endpoint takes the filters `office` (admins), `service`,
 * `opd`, `from`, `to` (months) and `period`; live tables (backlog, at risk, workload) describe
 * open work now and ignore the month range. Who sees what: see `access.ts`.
 */
const EXPORT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

@ApiTags('dashboards')
@ApiBearerAuth()
@Roles('admin', 'manager', 'agent', 'executor')
@Controller('v1/dashboards')
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly refresher: DashboardRefreshService,
  ) {}

  /** Brings closed tickets and completed steps into the figures now (admins; else every minute). */
  @Post('refresh')
  @Roles('admin')
  @HttpCode(200)
  @ApiAnswers('DashboardRefreshView')
  async refresh(): Promise<RefreshResult & { dataAsOf: string | null }> {
    const result = await this.refresher.refresh();
    return { ...result, dataAsOf: (await this.refresher.dataAsOf())?.toISOString() ?? null };
  }

  /** Met on target, met within the limit and breached, grouped, with the trend per period. */
  @Get('compliance')
  @TokenScope('dashboards:read')
  @ApiAnswers('ComplianceResponse')
  compliance(
    @SignedInUser() user: AuthUser,
    @Query() q: ComplianceQueryDto,
  ): Promise<ComplianceResponse> {
    return this.dashboards.compliance(user, q);
  }

  /** Median and p90 working time per procedure step against its standard; share late. */
  @Get('steps')
  @TokenScope('dashboards:read')
  @ApiAnswers('StepBottlenecksResponse')
  steps(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<StepBottlenecksResponse> {
    return this.dashboards.steps(user, q);
  }

  /** Open tickets (an executor: their active steps) by age in working days. */
  @Get('backlog')
  @TokenScope('dashboards:read')
  @ApiAnswers('BacklogResponse')
  backlog(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<BacklogResponse> {
    return this.dashboards.backlog(user, q);
  }

  /** Open tickets and active steps at risk or past their limit now. */
  @Get('at-risk')
  @TokenScope('dashboards:read')
  @ApiAnswers('AtRiskResponse')
  atRisk(@SignedInUser() user: AuthUser, @Query() q: DashboardFilterDto): Promise<AtRiskResponse> {
    return this.dashboards.atRisk(user, q);
  }

  /** First-response clock of closed tickets per period: met, late, breached, median, p90. */
  @Get('first-response')
  @TokenScope('dashboards:read')
  @ApiAnswers('FirstResponseResponse')
  firstResponse(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<FirstResponseResponse> {
    return this.dashboards.firstResponse(user, q);
  }

  /** Incidents closed in the range by priority and IT service: response, resolution, MTTR. */
  @Get('incidents')
  @TokenScope('dashboards:read')
  @ApiAnswers('IncidentDashboardResponse')
  incidents(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<IncidentDashboardResponse> {
    return this.dashboards.incidents(user, q);
  }

  /** Changes finished in the range by risk and period: outcomes, incidents caused, approvals. */
  @Get('changes')
  @TokenScope('dashboards:read')
  @ApiAnswers('ChangeDashboardResponse')
  changes(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<ChangeDashboardResponse> {
    return this.dashboards.changes(user, q);
  }

  /** Every ticket kind per period (received, finished against its time, open) and channels. */
  @Get('kinds')
  @TokenScope('dashboards:read')
  @ApiAnswers('KindDashboardResponse')
  kinds(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<KindDashboardResponse> {
    return this.dashboards.kinds(user, q);
  }

  /** Satisfaction index (IKM) per service and period with grade and respondents. */
  @Get('ikm')
  @TokenScope('dashboards:read')
  @ApiAnswers('IkmDashboardResponse')
  ikm(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<IkmDashboardResponse> {
    return this.dashboards.ikm(user, q);
  }

  /** Active steps per position and per holder now. */
  @Get('workload')
  @TokenScope('dashboards:read')
  @ApiAnswers('WorkloadResponse')
  workload(
    @SignedInUser() user: AuthUser,
    @Query() q: DashboardFilterDto,
  ): Promise<WorkloadResponse> {
    return this.dashboards.workload(user, q);
  }

  /** One table as CSV or XLSX, with the same filters and access as its JSON endpoint. */
  @Get(':table/export')
  @TokenScope('dashboards:read')
  @ApiAnswersFile(EXPORT_TYPES)
  async export(
    @SignedInUser() user: AuthUser,
    @Param('table') table: string,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    if (!(DASHBOARD_TABLES as readonly string[]).includes(table))
      throw DashboardError.field(
        'table',
        `tabel tidak dikenal; pilih ${DASHBOARD_TABLES.join(', ')}`,
      );
    const { format = 'csv', ...filters } = q;
    const { sheets, meta } = await this.sheetsOf(user, table as DashboardTable, filters);
    const name = `sigap-${table}-${meta.scope.office}-${meta.from}-${meta.to}`;
    if (format === 'xlsx') {
      const body = await toXlsx(sheets, meta);
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`)
        .send(body);
      return;
    }
    res.status(200).type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(sheets));
  }

  private async sheetsOf(
    user: AuthUser,
    table: DashboardTable,
    q: ComplianceQueryDto,
  ): Promise<{ sheets: Sheet[]; meta: DashboardMeta }> {
    const { level, by, ...filters } = q;
    if (table !== 'compliance' && (level !== undefined || by !== undefined))
      throw DashboardError.field(
        level !== undefined ? 'level' : 'by',
        'hanya untuk tabel kepatuhan',
      );
    switch (table) {
      case 'compliance': {
        const r = await this.dashboards.compliance(user, q);
        return { sheets: complianceSheets(r), meta: r };
      }
      case 'steps': {
        const r = await this.dashboards.steps(user, filters);
        return { sheets: stepSheets(r), meta: r };
      }
      case 'backlog': {
        const r = await this.dashboards.backlog(user, filters);
        return { sheets: backlogSheets(r), meta: r };
      }
      case 'at-risk': {
        const r = await this.dashboards.atRisk(user, filters);
        return { sheets: atRiskSheets(r), meta: r };
      }
      case 'first-response': {
        const r = await this.dashboards.firstResponse(user, filters);
        return { sheets: firstResponseSheets(r), meta: r };
      }
      case 'ikm': {
        const r = await this.dashboards.ikm(user, filters);
        return { sheets: ikmSheets(r), meta: r };
      }
      case 'workload': {
        const r = await this.dashboards.workload(user, filters);
        return { sheets: workloadSheets(r), meta: r };
      }
    }
  }
}
