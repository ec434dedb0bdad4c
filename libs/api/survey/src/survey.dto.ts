import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  RESPONDENT_AGE_BANDS,
  RESPONDENT_AGE_MAX,
  RESPONDENT_AGE_MIN,
  RESPONDENT_EDUCATIONS,
  RESPONDENT_OCCUPATIONS,
  RESPONDENT_SEXES,
  SURVEY_COMMENT_MAX,
  type IkmPeriod,
  type RespondentAgeBand,
  type RespondentEducation,
  type RespondentOccupation,
  type RespondentSex,
} from '@sigap/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull, SingleLine } from '@sigap/api-common';

const codes = (options: readonly { code: string }[]) => options.map((o) => o.code);

/** `POST /api/v1/survey/{token}`: nine scores 1-4 (U1 first) and an optional comment. */
export class SurveySubmissionDto {
  @IsArray()
  @ArrayMinSize(9)
  @ArrayMaxSize(9)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(4, { each: true })
  scores: number[];

  @IsOptional()
  @IsString()
  // Anonymous free text: control characters are dropped by `cleanComment`, not refused.
  @MaxLength(SURVEY_COMMENT_MAX)
  comment?: string | null;

  @IsOptional()
  @IsIn(codes(RESPONDENT_SEXES), { message: 'pilih laki-laki atau perempuan' })
  sex?: RespondentSex | null;

  @IsOptional()
  @IsIn(codes(RESPONDENT_AGE_BANDS), { message: 'kelompok usia tidak dikenal' })
  ageBand?: RespondentAgeBand | null;

  @IsOptional()
  @IsInt({ message: 'usia harus bilangan bulat (tahun)' })
  @Min(RESPONDENT_AGE_MIN, { message: `usia paling sedikit ${RESPONDENT_AGE_MIN} tahun` })
  @Max(RESPONDENT_AGE_MAX, { message: `usia paling banyak ${RESPONDENT_AGE_MAX} tahun` })
  age?: number | null;

  @IsOptional()
  @IsIn(codes(RESPONDENT_EDUCATIONS), { message: 'pendidikan terakhir tidak dikenal' })
  education?: RespondentEducation | null;

  @IsOptional()
  @IsIn(codes(RESPONDENT_OCCUPATIONS), { message: 'pekerjaan tidak dikenal' })
  occupation?: RespondentOccupation | null;
}

/** `GET /api/v1/survey/profile`: the same filters as the IKM, without the period. */
export class ProfileQueryDto {
  @IsOptionalNotNull()
  @SingleLine()
  @IsString()
  @MaxLength(40)
  office?: string;

  @IsOptionalNotNull()
  @SingleLine()
  @IsString()
  @MaxLength(80)
  service?: string;

  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'from harus tanggal yang ada, YYYY-MM-DD' })
  from?: string;

  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'to harus tanggal yang ada, YYYY-MM-DD' })
  to?: string;
}

export class IkmQueryDto {
  @ApiPropertyOptional({ description: 'Office code; managers get their own office' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional({ description: 'Service code' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(80)
  service?: string;

  @ApiPropertyOptional({ description: 'First local date, YYYY-MM-DD (default 1 January)' })
  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'from harus tanggal yang ada, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last local date, YYYY-MM-DD (default today)' })
  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'to harus tanggal yang ada, YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year'] })
  @IsOptionalNotNull()
  @IsIn(['month', 'quarter', 'year'])
  period?: IkmPeriod;
}

export class CommentQueryDto {
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;

  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(80)
  service?: string;

  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'from harus tanggal yang ada, YYYY-MM-DD' })
  from?: string;

  @IsOptionalNotNull()
  @IsCalendarDate({ message: 'to harus tanggal yang ada, YYYY-MM-DD' })
  to?: string;

  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
