import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLIANCE_GROUPS,
  COMPLIANCE_LEVELS,
  DASHBOARD_PERIODS,
  type ComplianceGroup,
  type ComplianceLevel,
  type DashboardPeriod,
} from '@sigap/contracts';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Filters of every dashboard query; months are the office's local months, inclusive. */
export class DashboardFilterDto {
  @ApiPropertyOptional({ example: 'bali', description: 'office code (admins; others: their own)' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional({ example: 'pengembangan-aplikasi', description: 'service code' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(80)
  service?: string;

  @ApiPropertyOptional({ description: 'OPD id' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(36)
  opd?: string;

  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptionalNotNull()
  @Matches(MONTH, { message: 'bulan harus berbentuk YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptionalNotNull()
  @Matches(MONTH, { message: 'bulan harus berbentuk YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ enum: DASHBOARD_PERIODS, default: 'month' })
  @IsOptionalNotNull()
  @IsIn(DASHBOARD_PERIODS)
  period?: DashboardPeriod;
}

export class ComplianceQueryDto extends DashboardFilterDto {
  @ApiPropertyOptional({ enum: COMPLIANCE_LEVELS, default: 'tickets' })
  @IsOptionalNotNull()
  @IsIn(COMPLIANCE_LEVELS)
  level?: ComplianceLevel;

  @ApiPropertyOptional({ enum: COMPLIANCE_GROUPS, default: 'service' })
  @IsOptionalNotNull()
  @IsIn(COMPLIANCE_GROUPS)
  by?: ComplianceGroup;
}
