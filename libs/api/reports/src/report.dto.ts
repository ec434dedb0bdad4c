import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_LANGS, REPORT_PERIODS, type ReportLang, type ReportPeriod } from '@sigap/contracts';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

/** Query of the printable evaluation report; `month` or `year` must match the period. */
export class EvaluationReportQueryDto {
  @ApiPropertyOptional({
    example: 'bali',
    description: 'office code (admins; managers: their own)',
  })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;

  @ApiProperty({ enum: REPORT_PERIODS })
  @IsIn(REPORT_PERIODS, { message: 'periode harus month atau year' })
  period!: ReportPeriod;

  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptionalNotNull()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'bulan harus berbentuk YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ example: '2026' })
  @IsOptionalNotNull()
  @Matches(/^(19|20|21)\d{2}$/, { message: 'tahun harus berbentuk YYYY' })
  year?: string;

  @ApiPropertyOptional({ enum: REPORT_LANGS, default: 'id' })
  @IsOptionalNotNull()
  @IsIn(REPORT_LANGS, { message: 'bahasa harus id atau en' })
  lang?: ReportLang;
}
