import { ApiPropertyOptional } from '@nestjs/swagger';
import { SURVEY_COMMENT_MAX, type IkmPeriod } from '@sigap/contracts';
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
import { IsCalendarDate, IsOptionalNotNull, SingleLine } from '../common/validators';

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
