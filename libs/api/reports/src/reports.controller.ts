import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { renderEvaluationPdf } from './evaluation-pdf';
import { EvaluationReportQueryDto } from './report.dto';
import { ReportsService } from './reports.service';
import { ApiAnswersFile } from '@sigap/api-common';

/** Printable reports of an office for its managers (admins: any office). */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'manager')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

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
}
