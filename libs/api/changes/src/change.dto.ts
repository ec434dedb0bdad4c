import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANGE_RESULTS,
  CHANGE_RISKS,
  FIELD_LIMITS,
  type ChangeApprovalPolicyRequest,
  type ChangeDecisionRequest,
  type ChangeIncidentsRequest,
  type ChangeResult,
  type ChangeRisk,
  type ImplementChangeRequest,
  type OpenChangeRequest,
  type ReviewChangeRequest,
  type WithdrawChangeRequest,
} from '@sigap/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';
import { IT_SERVICE_CODE, OFFICE_CODE } from '@sigap/api-it-services';
import { ContactDto } from '@sigap/api-opds';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const L = FIELD_LIMITS.change;

/** The channels an agent records a change request from. */
export const CHANGE_CHANNELS = ['phone', 'walk-in', 'email', 'portal', 'letter'] as const;

/** A position code as the offices' register writes it. */
const POSITION_CODE = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/** A ticket number (`PRBBALI-2026-000001`, `GNGBALI-2026-000002`). */
const TICKET_NUMBER = /^[A-Z0-9-]{3,40}$/;

class VersionDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class OpenChangeDto implements OpenChangeRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiProperty({ type: [String], example: ['web-pemprov'] })
  @IsArray({ message: 'daftar kode layanan TI' })
  @ArrayMinSize(1, { message: 'sebutkan paling sedikit satu layanan TI yang terdampak' })
  @ArrayMaxSize(20, { message: 'paling banyak 20 layanan' })
  @Matches(IT_SERVICE_CODE, { each: true, message: 'kode layanan TI tidak valid' })
  services: string[];

  @ApiProperty({ enum: CHANGE_RISKS })
  @IsIn(CHANGE_RISKS, { message: 'risiko: rendah, sedang atau tinggi' })
  risk: ChangeRisk;

  @ApiProperty({ enum: CHANGE_CHANNELS })
  @IsIn(CHANGE_CHANNELS, { message: 'saluran: phone, walk-in, email, portal atau letter' })
  channel: (typeof CHANGE_CHANNELS)[number];

  @ApiProperty({ example: 'Membuka port 443 untuk aplikasi baru' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'judul wajib diisi' })
  @MaxLength(L.subject)
  subject: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'uraikan perubahannya paling sedikit 5 karakter' })
  @MaxLength(L.description)
  description: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'uraikan rencana pemulihan paling sedikit 5 karakter' })
  @MaxLength(L.rollbackPlan)
  rollbackPlan: string;

  @ApiProperty({ example: '2026-12-12T14:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'waktu mulai: tanggal-waktu ISO 8601' })
  plannedStart: string;

  @ApiProperty({ example: '2026-12-12T16:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'waktu selesai: tanggal-waktu ISO 8601' })
  plannedEnd: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  requesterId?: string;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ContactDto)
  requester?: ContactDto;
}

export class ChangeApproverDto {
  @ApiProperty({ example: 'kabid-iai' })
  @IsString()
  @Matches(POSITION_CODE, { message: 'kode jabatan tidak valid' })
  position: string;

  @ApiProperty({ example: '1 hari' })
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'waktu persetujuan wajib diisi' })
  @MaxLength(L.time)
  time: string;
}

export class ChangeRuleDto {
  @ApiProperty({ enum: CHANGE_RISKS })
  @IsIn(CHANGE_RISKS, { message: 'risiko: rendah, sedang atau tinggi' })
  risk: ChangeRisk;

  @ApiProperty({ type: [ChangeApproverDto] })
  @IsArray()
  @ArrayMaxSize(5, { message: 'paling banyak 5 penyetuju' })
  @ValidateNested({ each: true })
  @Type(() => ChangeApproverDto)
  approvers: ChangeApproverDto[];
}

export class ChangeApprovalPolicyDto implements ChangeApprovalPolicyRequest {
  @ApiProperty({ type: [ChangeRuleDto] })
  @IsArray()
  @ArrayMinSize(3, { message: 'isi aturan untuk ketiga tingkat risiko' })
  @ArrayMaxSize(3, { message: 'satu aturan per tingkat risiko' })
  @ValidateNested({ each: true })
  @Type(() => ChangeRuleDto)
  rules: ChangeRuleDto[];
}

export class ChangeDecisionDto extends VersionDto implements ChangeDecisionRequest {
  @ApiPropertyOptional({ example: 'Jadwal bentrok dengan ujian CPNS.' })
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(L.reason)
  reason?: string | null;
}

export class ImplementChangeDto extends VersionDto implements ImplementChangeRequest {
  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'waktu mulai: tanggal-waktu ISO 8601' })
  actualStart: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'waktu selesai: tanggal-waktu ISO 8601' })
  actualEnd: string;

  @ApiProperty({ enum: CHANGE_RESULTS })
  @IsIn(CHANGE_RESULTS, { message: 'hasil: success, failed atau rolled-back' })
  result: ChangeResult;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(L.note)
  note?: string | null;
}

export class ReviewChangeDto extends VersionDto implements ReviewChangeRequest {
  @ApiProperty()
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'catatan tinjauan paling sedikit 5 karakter' })
  @MaxLength(L.note)
  note: string;
}

export class CloseChangeDto extends VersionDto {}

export class WithdrawChangeDto extends VersionDto implements WithdrawChangeRequest {
  @ApiProperty({ example: 'Migrasi diundur ke tahun depan.' })
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'alasan pembatalan paling sedikit 5 karakter' })
  @MaxLength(L.reason)
  reason: string;
}

export class ChangeIncidentsDto extends VersionDto implements ChangeIncidentsRequest {
  @ApiProperty({ type: [String], example: ['GNGBALI-2026-000001'] })
  @IsArray()
  @ArrayMaxSize(50, { message: 'paling banyak 50 gangguan' })
  @Matches(TICKET_NUMBER, { each: true, message: 'nomor tiket gangguan tidak valid' })
  incidents: string[];
}

export class ChangeRangeQuery {
  @ApiPropertyOptional({ example: 'bali' })
  @IsOptional()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'from: tanggal-waktu ISO 8601' })
  from: string;

  @ApiProperty({ example: '2027-01-01T00:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'to: tanggal-waktu ISO 8601' })
  to: string;
}
