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
      'Jadwal bertanggal (Ramadan, layanan Sabtu ...): name, from, to (inklusif), week, dan confirmed (false = usulan yang belum berlaku)',
  })
  @IsOptional()
  @IsArray()
  variants?: WeekVariant[];

  @ApiPropertyOptional({ example: 'Asia/Makassar' })
  @IsOptional()
  @IsString()
  timeZone?: string;

  @ApiProperty({ description: 'Versi kalender yang diubah (dari GET)' })
  @IsString()
  @IsNotEmpty()
  expectedVersion: string;
}

export class CreateClosureDto implements ClosureInput {
  @ApiProperty({ example: '2026-03-26' })
  @IsString()
  date: string;

  @ApiProperty({ example: 'Hari Raya Galungan' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['libur-nasional', 'cuti-bersama', 'libur-daerah', 'penutupan-kantor'] })
  @IsString()
  type: CalendarClosureType;

  @ApiProperty({ example: 'Keputusan Gubernur Bali No. ...' })
  @IsString()
  @MaxLength(500)
  source: string;

  @ApiPropertyOptional({ example: '12:00', nullable: true })
  @IsOptional()
  @IsString()
  from?: string | null;

  @ApiPropertyOptional({ example: '16:00', nullable: true })
  @IsOptional()
  @IsString()
  to?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  prefilled?: boolean;
}

export class UpdateClosureDto implements Partial<ClosureInput> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  date?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  type?: CalendarClosureType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  from?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  to?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  prefilled?: boolean;
}

export class YearQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1971)
  @Max(2199)
  year?: number;
}
