import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CalendarClosureType,
  ClosureInput,
  UpdateScheduleRequest,
  WeekSchedule,
  WeekVariant,
} from '@sigap/contracts';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

/**
 * Request bodies of the calendars API. Shapes are checked here; the calendar rules (times,
 * overlaps, zones, types, years) by `validateCalendar` of `@sigap/sla`, with field paths.
 */
export class UpdateScheduleDto implements UpdateScheduleRequest {
  @ApiProperty({
    description: 'Interval kerja per hari (mon..sun), HH:MM, akhir eksklusif',
    example: { mon: [{ start: '07:30', end: '12:00' }] },
  })
  @IsObject()
  week: WeekSchedule;

  @ApiPropertyOptional({
    description:
      'Jadwal bertanggal (Ramadan, layanan Sabtu ...): name, from, to (inklusif), week, source (dasar: surat edaran ...), dan confirmed (false = usulan yang belum berlaku; hanya admin yang memberlakukannya)',
  })
  @IsOptionalNotNull()
  @IsArray()
  variants?: WeekVariant[];

  @ApiPropertyOptional({ example: 'Asia/Makassar' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  timeZone?: string;

  @ApiProperty({ description: 'Versi kalender yang diubah (dari GET)' })
  @IsString()
  @IsNotEmpty()
  expectedVersion: string;
}

export class CreateClosureDto implements ClosureInput {
  @ApiProperty({ example: '2026-03-26' })
  @IsString()
  @SingleLine()
  date: string;

  @ApiProperty({ example: 'Hari Raya Galungan' })
  @IsString()
  @SingleLine()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['libur-nasional', 'cuti-bersama', 'libur-daerah', 'penutupan-kantor'] })
  @IsString()
  @SingleLine()
  type: CalendarClosureType;

  @ApiProperty({ example: 'Keputusan Gubernur Bali No. ...' })
  @IsString()
  @MultiLine()
  @MaxLength(500)
  source: string;

  @ApiPropertyOptional({ example: '12:00', nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  from?: string | null;

  @ApiPropertyOptional({ example: '16:00', nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  to?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  prefilled?: boolean;
}

export class UpdateClosureDto implements Partial<ClosureInput> {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  date?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  type?: CalendarClosureType;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MultiLine()
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  from?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  to?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  prefilled?: boolean;
}

export class YearQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1971)
  @Max(2199)
  year?: number;
}
