import { IsEmailAddress } from '@sigap/api-common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS } from '@sigap/contracts';
import type {
  CreateOfficeRequest,
  CreatePositionRequest,
  UpdateOfficeRequest,
  UpdatePositionRequest,
} from '@sigap/contracts';
import {
  IsDefined,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { isOfficeTimeZone } from './time-zone';

/** Office codes: lowercase letters, digits and inner hyphens (`papua-tengah`), 2-40 long. */
export const OFFICE_CODE = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
/** Position codes: the same shape, 2-60 long (`kabid-aptika`). */
export const POSITION_CODE = /^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/;
/** Ticket prefixes: 2-12 uppercase letters or digits (`BALI`, `DGY`). */
export const TICKET_PREFIX = /^[A-Z0-9]{2,12}$/;
/** Complaint numbers start with `ADU`: a ticket prefix may not, or the two would mix. */
export const NOT_COMPLAINT_MARKER = /^(?!ADU)/;
/** Incident numbers start with `GNG` (gangguan): a ticket prefix may not either. */
export const NOT_INCIDENT_MARKER = /^(?!GNG)/;
/** Change numbers start with `PRB` (perubahan): a ticket prefix may not either. */
export const NOT_CHANGE_MARKER = /^(?!PRB)/;
/** ISO 3166-2 codes of Indonesia's provinces (`ID-PA`), for the province's own holidays. */
export const REGION = /^ID-[A-Z]{2}$/;
/** A name: printable text, no control characters and no markup. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
export const PLAIN_TEXT = /^[^\u0000-\u001F\u007F<>]*$/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses (but lines)
const PLAIN_LINES = /^[^\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F<>]*$/;

/** Route segments under `/api/v1/offices` that can never be an office's code. */
export const RESERVED_OFFICE_CODES: readonly string[] = ['time-zones'];

/** A canonical IANA zone as written (`Asia/Jayapura`); the message names what is accepted. */
function IsOfficeTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOfficeTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isOfficeTimeZone(value),
        defaultMessage: () =>
          'zona waktu IANA tidak dikenal (contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura)',
      },
    },
    options,
  );
}

/** Not one of the reserved route segments. */
function IsNotReservedCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotReservedCode',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !RESERVED_OFFICE_CODES.includes(value),
        defaultMessage: () => 'kode ini dipakai sistem; pilih kode lain',
      },
    },
    options,
  );
}

/** An optional text that may be null or empty (both clear it). */
const optionalText = () =>
  ValidateIf((_, value: unknown) => value !== undefined && value !== null && value !== '');

/** A field of an edit that, when present, must hold a value (null is refused, not a clear). */
const present = () => ValidateIf((_, value: unknown) => value !== undefined);

/** The rules of an office's or a position's name. */
function IsName(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(2)(target, key);
    MaxLength(FIELD_LIMITS.office.name)(target, key);
    Matches(PLAIN_TEXT, { message: 'tidak boleh memuat karakter kendali atau < >' })(target, key);
  };
}

/** The optional fields, shared by creation and edit. */
export class OfficeOptionalFieldsDto {
  @ApiPropertyOptional({ pattern: REGION.source, nullable: true, example: 'ID-PA' })
  @optionalText()
  @IsString()
  @Matches(REGION, { message: 'kode provinsi ISO 3166-2, contoh ID-PA' })
  region?: string | null;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.office.address, nullable: true })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.address)
  @Matches(PLAIN_LINES, { message: 'tidak boleh memuat karakter kendali atau < >' })
  address?: string | null;

  @ApiPropertyOptional({
    maxLength: FIELD_LIMITS.office.website,
    nullable: true,
    example: 'https://diskominfo.go.id',
  })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.website)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'harus berupa alamat web (https://…)' },
  )
  website?: string | null;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.office.helpdeskEmail, nullable: true })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.helpdeskEmail)
  @IsEmailAddress()
  helpdeskEmail?: string | null;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.office.complaintEmail, nullable: true })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.complaintEmail)
  @IsEmailAddress()
  complaintEmail?: string | null;

  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.office.incidentEmail, nullable: true })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.incidentEmail)
  @IsEmailAddress()
  incidentEmail?: string | null;

  @ApiPropertyOptional({
    maxLength: FIELD_LIMITS.office.logoUrl,
    nullable: true,
    example: 'https://…/logo.png',
  })
  @optionalText()
  @IsString()
  @MaxLength(FIELD_LIMITS.office.logoUrl)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'harus berupa alamat https:// gambar logo' },
  )
  logoUrl?: string | null;
}

export class CreateOfficeDto extends OfficeOptionalFieldsDto implements CreateOfficeRequest {
  @ApiProperty({ pattern: OFFICE_CODE.source, example: 'dogiyai' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @Matches(OFFICE_CODE, {
    message: '2-40 huruf kecil, angka atau tanda hubung (tidak di awal/akhir)',
  })
  @IsNotReservedCode()
  code: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsDefined({ message: 'wajib diisi' })
  @IsName()
  name: string;

  @ApiProperty({ example: 'Asia/Jayapura' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @IsOfficeTimeZone()
  timeZone: string;

  @ApiProperty({ pattern: TICKET_PREFIX.source, example: 'DGY' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @Matches(TICKET_PREFIX, { message: '2-12 huruf kapital atau angka' })
  @Matches(NOT_COMPLAINT_MARKER, {
    message: 'tidak boleh diawali ADU (awalan nomor pengaduan)',
  })
  @Matches(NOT_INCIDENT_MARKER, {
    message: 'tidak boleh diawali GNG (awalan nomor gangguan)',
  })
  @Matches(NOT_CHANGE_MARKER, {
    message: 'tidak boleh diawali PRB (awalan nomor perubahan)',
  })
  ticketPrefix: string;
}

export class UpdateOfficeDto extends OfficeOptionalFieldsDto implements UpdateOfficeRequest {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @present()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ example: 'Asia/Jayapura' })
  @present()
  @IsString()
  @IsOfficeTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ pattern: TICKET_PREFIX.source })
  @present()
  @IsString()
  @Matches(TICKET_PREFIX, { message: '2-12 huruf kapital atau angka' })
  @Matches(NOT_COMPLAINT_MARKER, {
    message: 'tidak boleh diawali ADU (awalan nomor pengaduan)',
  })
  @Matches(NOT_INCIDENT_MARKER, {
    message: 'tidak boleh diawali GNG (awalan nomor gangguan)',
  })
  @Matches(NOT_CHANGE_MARKER, {
    message: 'tidak boleh diawali PRB (awalan nomor perubahan)',
  })
  ticketPrefix?: string;
}

export class CreatePositionDto implements CreatePositionRequest {
  @ApiProperty({ example: 'dogiyai' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @Matches(OFFICE_CODE, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiProperty({ pattern: POSITION_CODE.source, example: 'kabid-aptika' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @Matches(POSITION_CODE, {
    message: '2-60 huruf kecil, angka atau tanda hubung (tidak di awal/akhir)',
  })
  code: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsDefined({ message: 'wajib diisi' })
  @IsName()
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'kadis' })
  @optionalText()
  @IsString()
  @Matches(POSITION_CODE, { message: 'kode jabatan tidak valid' })
  parentCode?: string | null;
}

export class UpdatePositionDto implements UpdatePositionRequest {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @present()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null or empty: the top of the chain' })
  @optionalText()
  @IsString()
  @Matches(POSITION_CODE, { message: 'kode jabatan tidak valid' })
  parentCode?: string | null;
}
