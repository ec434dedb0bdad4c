import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  IMPROVEMENT_ACTION_STATUSES,
  type CreateImprovementActionRequest,
  type CreateReviewRequest,
  type ImprovementActionStatus,
  type ReviewAttendee,
  type UpdateImprovementActionRequest,
  type UpdateReviewRequest,
} from '@sigap/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCalendarMonth,
  IsOptionalNotNull,
  MultiLine,
  SingleLine,
} from '@sigap/api-common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

const OFFICE_CODE = /^[a-z0-9-]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMIT = FIELD_LIMITS.review;
const ACTION = FIELD_LIMITS.improvementAction;

export class ReviewAttendeeDto implements ReviewAttendee {
  @ApiProperty({ example: 'I Made Suarjana' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'nama peserta wajib diisi' })
  @MaxLength(LIMIT.attendeeName)
  name: string;

  @ApiProperty({ example: 'Kepala Dinas' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'jabatan peserta wajib diisi' })
  @MaxLength(LIMIT.attendeePosition)
  position: string;
}

/** What a review's edit changes (the period and its figures stay as recorded). */
class ReviewFieldsDto {
  @ApiProperty({ example: '2026-10-05' })
  @IsCalendarDate({ message: 'tanggal rapat: tanggal yang ada, berbentuk YYYY-MM-DD' })
  heldOn: string;

  @ApiProperty({ example: 'Rapat tinjauan layanan triwulan III' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'judul wajib diisi' })
  @MaxLength(LIMIT.title)
  title: string;

  @ApiProperty({ type: [ReviewAttendeeDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'catat paling sedikit satu peserta' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReviewAttendeeDto)
  attendees: ReviewAttendeeDto[];

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(LIMIT.notes)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'keputusan tidak boleh kosong' })
  @MaxLength(LIMIT.decision, { each: true })
  decisions?: string[];
}

export class CreateReviewDto extends ReviewFieldsDto implements CreateReviewRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiProperty({ example: '2026-07' })
  @IsCalendarMonth({ message: 'bulan awal: berbentuk YYYY-MM' })
  periodFrom: string;

  @ApiProperty({ example: '2026-09' })
  @IsCalendarMonth({ message: 'bulan akhir: berbentuk YYYY-MM' })
  periodTo: string;
}

export class UpdateReviewDto extends ReviewFieldsDto implements UpdateReviewRequest {
  @ApiProperty()
  @IsInt({ message: 'expectedVersion wajib diisi' })
  @Min(1)
  expectedVersion: number;
}

export class ReviewListQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  /** Reviews held in these months (YYYY-MM), inclusive. */
  @IsOptionalNotNull()
  @IsCalendarMonth()
  from?: string;

  @IsOptionalNotNull()
  @IsCalendarMonth()
  to?: string;
}

export class ReviewFiguresQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  @IsCalendarMonth({ message: 'bulan awal: berbentuk YYYY-MM' })
  from: string;

  @IsCalendarMonth({ message: 'bulan akhir: berbentuk YYYY-MM' })
  to: string;
}

/** The fields of an action a create and an update share. */
class ActionFieldsDto {
  @ApiProperty({ example: 'Tambah petugas jaga helpdesk pada jam sibuk' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'judul wajib diisi' })
  @MaxLength(ACTION.title)
  title: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(ACTION.description)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'a user of the office' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @Matches(UUID, { message: 'pengguna tidak dikenal' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'a position code of the office' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @SingleLine()
  @MaxLength(FIELD_LIMITS.position.code)
  ownerPosition?: string | null;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate({ message: 'tenggat: tanggal yang ada, berbentuk YYYY-MM-DD' })
  dueOn: string;
}

export class CreateImprovementActionDto
  extends ActionFieldsDto
  implements CreateImprovementActionRequest
{
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @Matches(UUID, { message: 'tinjauan tidak dikenal' })
  reviewId?: string | null;
}

export class UpdateImprovementActionDto
  extends ActionFieldsDto
  implements UpdateImprovementActionRequest
{
  @ApiProperty({ enum: IMPROVEMENT_ACTION_STATUSES })
  @IsIn(IMPROVEMENT_ACTION_STATUSES, {
    message: 'status: open, in-progress, done atau cancelled',
  })
  status: ImprovementActionStatus;

  @ApiPropertyOptional({ nullable: true, example: '2026-11-20' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsCalendarDate({ message: 'tanggal selesai: tanggal yang ada, berbentuk YYYY-MM-DD' })
  doneOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(ACTION.closingNote)
  closingNote?: string | null;

  @ApiProperty()
  @IsInt({ message: 'expectedVersion wajib diisi' })
  @Min(1)
  expectedVersion: number;
}

export class ImprovementActionListQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  @IsOptionalNotNull()
  @IsIn(IMPROVEMENT_ACTION_STATUSES, {
    message: 'status: open, in-progress, done atau cancelled',
  })
  status?: ImprovementActionStatus;

  /** Due in these months (YYYY-MM), inclusive. */
  @IsOptionalNotNull()
  @IsCalendarMonth()
  from?: string;

  @IsOptionalNotNull()
  @IsCalendarMonth()
  to?: string;

  @IsOptionalNotNull()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptionalNotNull()
  @IsString()
  @Matches(UUID, { message: 'tinjauan tidak dikenal' })
  review?: string;
}

export class OwnerOptionsQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;
}
