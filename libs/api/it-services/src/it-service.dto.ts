import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  INCIDENT_LEVELS,
  INCIDENT_PRIORITIES,
  IT_SERVICE_KINDS,
  SUPPORT_HOURS,
  type CreateItServiceRequest,
  type IncidentLevel,
  type IncidentPriority,
  type ItServiceKind,
  type PriorityCell,
  type PriorityMatrixRequest,
  type PriorityTarget,
  type SupportHours,
  type UpdateItServiceRequest,
} from '@sigap/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** A service code: lower case letters, digits and dashes. */
export const IT_SERVICE_CODE = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
export const OFFICE_CODE = /^[a-z0-9-]{1,40}$/;

/** The fields a create and an update share. */
export class UpdateItServiceDto implements UpdateItServiceRequest {
  @ApiProperty({ example: 'Website Pemerintah Provinsi Bali' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'nama layanan wajib diisi' })
  @MaxLength(FIELD_LIMITS.itService.name)
  name: string;

  @ApiPropertyOptional()
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.itService.description)
  description?: string | null;

  @ApiProperty({ enum: IT_SERVICE_KINDS })
  @IsIn(IT_SERVICE_KINDS, {
    message: 'jenis: website, email, network, data-centre, hosting atau application',
  })
  kind: ItServiceKind;

  @ApiProperty({ example: 'kabid-iai' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'jabatan pemilik wajib diisi' })
  @MaxLength(60)
  ownerPosition: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  dependentOpdIds?: string[];

  @ApiProperty({ enum: INCIDENT_LEVELS })
  @IsIn(INCIDENT_LEVELS, { message: 'kritikalitas: tinggi, sedang atau rendah' })
  criticality: IncidentLevel;

  @ApiProperty({ enum: SUPPORT_HOURS })
  @IsIn(SUPPORT_HOURS, { message: 'jam dukungan: office (jam kerja) atau 24x7' })
  supportHours: SupportHours;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean({ message: 'tampil di halaman status: true atau false' })
  publicStatus?: boolean;
}

export class CreateItServiceDto extends UpdateItServiceDto implements CreateItServiceRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiProperty({ example: 'web-pemprov' })
  @Transform(trim)
  @IsString()
  @Matches(IT_SERVICE_CODE, { message: 'kode layanan: huruf kecil, angka dan tanda hubung (1-60)' })
  code: string;
}

export class ItServiceListQuery {
  @IsOptionalNotNull()
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office?: string;

  @IsOptionalNotNull()
  @IsIn(['true', 'false'])
  includeRetired?: 'true' | 'false';
}

export class PriorityCellDto implements PriorityCell {
  @ApiProperty({ enum: INCIDENT_LEVELS })
  @IsIn(INCIDENT_LEVELS, { message: 'dampak: tinggi, sedang atau rendah' })
  impact: IncidentLevel;

  @ApiProperty({ enum: INCIDENT_LEVELS })
  @IsIn(INCIDENT_LEVELS, { message: 'urgensi: tinggi, sedang atau rendah' })
  urgency: IncidentLevel;

  @ApiProperty({ enum: INCIDENT_PRIORITIES })
  @IsIn(INCIDENT_PRIORITIES, { message: 'prioritas: P1, P2, P3 atau P4' })
  priority: IncidentPriority;
}

export class PriorityTargetDto implements PriorityTarget {
  @ApiProperty({ enum: INCIDENT_PRIORITIES })
  @IsIn(INCIDENT_PRIORITIES, { message: 'prioritas: P1, P2, P3 atau P4' })
  priority: IncidentPriority;

  @ApiProperty({ example: 'Kritis' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'nama prioritas wajib diisi' })
  @MaxLength(40)
  name: string;

  @ApiProperty({ example: '15 menit' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'target respons wajib diisi' })
  @MaxLength(40)
  response: string;

  @ApiProperty({ example: '4 jam' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'target penyelesaian wajib diisi' })
  @MaxLength(40)
  resolution: string;
}

export class PriorityMatrixDto implements PriorityMatrixRequest {
  @ApiProperty({ type: [PriorityCellDto] })
  @IsArray()
  @ArrayMinSize(9, { message: 'isi kesembilan sel matriks' })
  @ArrayMaxSize(9, { message: 'matriks berisi sembilan sel' })
  @ValidateNested({ each: true })
  @Type(() => PriorityCellDto)
  cells: PriorityCellDto[];

  @ApiProperty({ type: [PriorityTargetDto] })
  @IsArray()
  @ArrayMinSize(4, { message: 'isi target keempat prioritas' })
  @ArrayMaxSize(4, { message: 'ada empat prioritas' })
  @ValidateNested({ each: true })
  @Type(() => PriorityTargetDto)
  targets: PriorityTargetDto[];
}
