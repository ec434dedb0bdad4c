import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_COMPLAINT_TIERS,
  type ComplaintTier,
  type ComplaintTierListRequest,
} from '@sigap/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** A tier code: lower case letters, digits and dashes. */
export const TIER_CODE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export class ComplaintTierDto implements ComplaintTier {
  @ApiProperty({ example: 'tingkat-3' })
  @Transform(trim)
  @IsString()
  @Matches(TIER_CODE, { message: 'kode tingkatan: huruf kecil, angka dan tanda hubung (1-40)' })
  code: string;

  @ApiProperty({ example: 'Pengaduan berat' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'nama tingkatan wajib diisi' })
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ example: 'Memerlukan koordinasi dengan perangkat daerah lain.' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description: string | null;

  @ApiProperty({ example: 14, minimum: 1, maximum: 365 })
  @IsInt({ message: 'jumlah hari kerja harus bilangan bulat' })
  @Min(1, { message: 'paling sedikit 1 hari kerja' })
  @Max(365, { message: 'paling banyak 365 hari kerja' })
  workingDays: number;
}

export class ComplaintTierListDto implements ComplaintTierListRequest {
  @ApiProperty({ type: [ComplaintTierDto] })
  @IsArray()
  @ArrayMaxSize(MAX_COMPLAINT_TIERS, {
    message: `paling banyak ${MAX_COMPLAINT_TIERS} tingkatan`,
  })
  @ValidateNested({ each: true })
  @Type(() => ComplaintTierDto)
  tiers: ComplaintTierDto[];
}
