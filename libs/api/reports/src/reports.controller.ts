import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { toXlsx } from '@sigap/api-dashboards';
import { renderEvaluationPdf } from './evaluation-pdf';
import { renderEvidencePackPdf } from './evidence-pack-pdf';
import { evidencePackSheets } from './evidence-pack-sheets';
import { EvidencePackQueryDto } from './evidence-pack.dto';
import { EvidencePackService } from './evidence-pack.service';
import { EvaluationReportQueryDto } from './report.dto';
import { ReportsService } from './reports.service';
import { ApiAnswersFile } from '@sigap/api-common';

/** Printable reports of an office for its managers (admins: any office). */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'manager')
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly evidence: EvidencePackService,
  ) {}

  /** The monthly or yearly "Laporan Evaluasi Kinerja Pelayanan" as a PDF ready to sign. */
  @Get('evaluation')
  @ApiAnswersFile('application/pdf')
  async evaluation(
    @SignedInUser() user: AuthUser,
    @Query() q: EvaluationReportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.reports.evaluation(user, q);
    const pdf = await renderEvaluationPdf(data);
    const name = `laporan-evaluasi-${data.office.code.toUpperCase()}-${data.label}.pdf`;
    res
      .status(200)
      .type('application/pdf')
      .attachment(name)
      .setHeader('Cache-Control', 'no-store')
      .send(pdf);
  }

  /**
   * The SPBE evidence pack ("bukti dukung", indicator Penerapan Manajemen Layanan SPBE) of an
   * office and months: a printable PDF, or its tables as XLSX (one sheet per section). Every
   * figure is the dashboard's for the same office, months and period.
   */
  @Get('evidence-pack')
  @ApiAnswersFile([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])
  async evidencePack(
    @SignedInUser() user: AuthUser,
    @Query() q: EvidencePackQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.evidence.gather(user, q);
    const name = `bukti-dukung-spbe-${data.office.code.toUpperCase()}-${data.from}-${data.to}`;
    res.status(200).setHeader('Cache-Control', 'no-store');
    if (q.format === 'xlsx') {
      const body = await toXlsx(evidencePackSheets(data), data.kinds);
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`)
        .send(body);
      return;
    }
    const pdf = await renderEvidencePackPdf(data);
    res.type('application/pdf').attachment(`${name}.pdf`).send(pdf);
  }
}
