import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  type ChangeIncidentPriorityRequest,
  type IncidentPublicNoticeRequest,
  type IncidentLevel,
  type OpenIncidentRequest,
  type TriageToIncidentRequest,
} from '@sigap/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
