import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  PROBLEM_STATUSES,
  type ProblemLinkRequest,
  type ProblemRequest,
  type ProblemStatus,
} from '@sigap/contracts';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';
import { OFFICE_CODE } from '@sigap/api-it-services';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A problem's fields as an agent edits them (the office is fixed once created). */
export class ProblemChangesDto implements Omit<ProblemRequest, 'office'> {
  @ApiProperty({ example: 'UPS ruang server sering mati' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'judul wajib diisi' })
  @MaxLength(FIELD_LIMITS.problem.title)
  title: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'uraikan masalahnya paling sedikit 5 karakter' })
  @MaxLength(FIELD_LIMITS.problem.description)
  description: string;

  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptionalNotNull()
  @IsIn(PROBLEM_STATUSES, { message: 'status: open, known-error atau resolved' })
  status?: ProblemStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.problem.rootCause)
  rootCause?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.problem.workaround)
  workaround?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class CreateProblemDto extends ProblemChangesDto implements ProblemRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;
}

export class ProblemLinkDto implements ProblemLinkRequest {
  @ApiProperty({ example: 'GNGBALI-2026-000001' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Z0-9]{2,12}-\d{4}-\d{6}$/, { message: 'nomor gangguan tidak valid' })
  incident: string;
}

export class ProblemListQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  @IsOptionalNotNull()
  @IsIn(PROBLEM_STATUSES, { message: 'status: open, known-error atau resolved' })
  status?: ProblemStatus;
}
