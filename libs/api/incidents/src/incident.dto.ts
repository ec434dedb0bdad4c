import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  type ChangeIncidentPriorityRequest,
  type IncidentPublicNoticeRequest,
  type IncidentLevel,
  type IncidentRootCauseRequest,
  type LinkIncidentsRequest,
  type MajorIncidentUpdateRequest,
  type OpenIncidentRequest,
  type TriageToIncidentRequest,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';
import { IT_SERVICE_CODE, OFFICE_CODE } from '@sigap/api-it-services';
import { ContactDto } from '@sigap/api-opds';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The channels an agent records an incident from. */
export const INCIDENT_CHANNELS = ['phone', 'walk-in', 'email', 'portal', 'letter'] as const;

class ImpactUrgencyDto {
  @ApiProperty({ enum: INCIDENT_LEVELS })
  @IsIn(INCIDENT_LEVELS, { message: 'dampak: tinggi, sedang atau rendah' })
  impact: IncidentLevel;

  @ApiProperty({ enum: INCIDENT_LEVELS })
  @IsIn(INCIDENT_LEVELS, { message: 'urgensi: tinggi, sedang atau rendah' })
  urgency: IncidentLevel;
}

class ServicesDto extends ImpactUrgencyDto {
  @ApiProperty({ type: [String], example: ['pusat-data'] })
  @IsArray({ message: 'daftar kode layanan TI' })
  @ArrayMaxSize(20, { message: 'paling banyak 20 layanan' })
  @Matches(IT_SERVICE_CODE, { each: true, message: 'kode layanan TI tidak valid' })
  services: string[];
}

export class OpenIncidentDto extends ServicesDto implements OpenIncidentRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiProperty({ enum: INCIDENT_CHANNELS })
  @IsIn(INCIDENT_CHANNELS, { message: 'saluran: phone, walk-in, email, portal atau letter' })
  channel: (typeof INCIDENT_CHANNELS)[number];

  @ApiProperty({ example: 'Website dinas tidak dapat diakses' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'judul wajib diisi' })
  @MaxLength(FIELD_LIMITS.incident.subject)
  subject: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @MinLength(5, { message: 'uraikan gangguannya paling sedikit 5 karakter' })
  @MaxLength(FIELD_LIMITS.incident.description)
  description: string;

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

export class TriageToIncidentDto extends ServicesDto implements TriageToIncidentRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ChangePriorityDto extends ImpactUrgencyDto implements ChangeIncidentPriorityRequest {
  @ApiPropertyOptional({ example: 'Ternyata seluruh OPD terdampak.' })
  @IsOptional()
  @IsString()
  @SingleLine()
  @MaxLength(FIELD_LIMITS.incident.priorityReason)
  reason?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** An incident number as the API takes it (`GNGBALI-2026-000001`, or a request's number). */
const TICKET_NUMBER = /^[A-Z0-9]{2,12}-\d{4}-\d{6}$/;

export class LinkIncidentsDto implements LinkIncidentsRequest {
  @ApiProperty({ type: [String], example: ['GNGBALI-2026-000002'] })
  @IsArray({ message: 'daftar nomor gangguan' })
  @ArrayMinSize(1, { message: 'sebutkan paling sedikit satu gangguan' })
  @ArrayMaxSize(50, { message: 'paling banyak 50 gangguan sekali tautkan' })
  @IsString({ each: true })
  @Matches(TICKET_NUMBER, { each: true, message: 'nomor gangguan tidak valid' })
  children: string[];

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class MajorIncidentUpdateDto implements MajorIncidentUpdateRequest {
  @ApiProperty({ example: 'Genset sudah menyala; layanan dipulihkan bertahap.' })
  @IsString()
  @MultiLine()
  @Transform(trim)
  @IsNotEmpty({ message: 'isi kabar wajib diisi' })
  @MaxLength(FIELD_LIMITS.incident.majorUpdate)
  body: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class RootCauseDto implements IncidentRootCauseRequest {
  @ApiProperty({
    nullable: true,
    example: 'UPS ruang server rusak; genset tidak menyala otomatis.',
  })
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.incident.rootCause)
  rootCause: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

const emptyToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

export class PublicNoticeDto implements IncidentPublicNoticeRequest {
  @ApiPropertyOptional({ example: 'Website pemda tidak dapat diakses' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'judul publik berupa teks' })
  @SingleLine()
  @MaxLength(FIELD_LIMITS.incident.publicTitle)
  publicTitle?: string | null;

  @ApiPropertyOptional({ example: 'Tim sedang memulihkan server; perkiraan pulih pukul 14.00.' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'ringkasan publik berupa teks' })
  @MultiLine()
  @MaxLength(FIELD_LIMITS.incident.publicSummary)
  publicSummary?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export function isTicketNumber(value: string): boolean {
  return TICKET_NUMBER.test(value);
}
