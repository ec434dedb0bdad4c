import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DASHBOARD_PERIODS,
  EVIDENCE_PACK_FORMATS,
  type DashboardPeriod,
  type EvidencePackFormat,
} from '@sigap/contracts';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

/** Query of the SPBE evidence pack: office, months and the file wanted. */
export class EvidencePackQueryDto {
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

  @ApiProperty({ example: '2026-01' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'bulan harus berbentuk YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'bulan harus berbentuk YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({ enum: DASHBOARD_PERIODS, default: 'month' })
  @IsOptionalNotNull()
  @IsIn(DASHBOARD_PERIODS, { message: 'periode harus month, quarter atau year' })
  period?: DashboardPeriod;

  @ApiProperty({ enum: EVIDENCE_PACK_FORMATS })
  @IsIn(EVIDENCE_PACK_FORMATS, { message: 'format harus pdf atau xlsx' })
  format!: EvidencePackFormat;
}
