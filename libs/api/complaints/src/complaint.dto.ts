import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  type FileComplaintRequest,
} from '@sigap/contracts';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsEmailAddress, IsOptionalNotNull, SingleLine } from '@sigap/api-common';
import { TIER_CODE } from './complaint-tier.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** A ticket number as the office prints it: `BALI-2026-000123`. */
export const TICKET_NUMBER = /^[A-Za-z0-9]{2,12}-\d{4}-\d{6}$/;

/** The public form and the portal's form: who, where, what. */
export class FileComplaintDto implements FileComplaintRequest {
  @ApiProperty({ example: 'bali' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'kode kantor tidak valid' })
  office: string;

  @ApiPropertyOptional({ example: 'pengembangan-aplikasi' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @SingleLine()
  @Matches(/^[a-z0-9-]{1,80}$/, { message: 'kode layanan tidak valid' })
  service?: string | null;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES, { message: 'pilih pengaduan, saran atau masukan' })
  category: ComplaintCategory;

  @ApiProperty({ example: 'I Made Wirawan' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @IsNotEmpty({ message: 'nama wajib diisi' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'made@example.id' })
  @Transform(trim)
  @IsString()
  @SingleLine()
  @MaxLength(254)
  @IsEmailAddress({ message: 'alamat e-mail tidak valid' })
  email: string;

  @ApiPropertyOptional({ example: '+62 361 123456' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @SingleLine()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'nomor telepon tidak valid' })
  phone?: string | null;

  @ApiProperty({ example: 'Aplikasi yang diserahkan tidak dapat diakses sejak minggu lalu.' })
  @Transform(trim)
  @IsString()
  // Free text from the public: control characters are dropped by the service, not refused.
  @MinLength(10, { message: 'uraikan paling sedikit 10 karakter' })
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ example: 'BALI-2026-000123' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @SingleLine()
  @Matches(TICKET_NUMBER, { message: 'nomor tiket berbentuk KODE-TAHUN-NOMOR' })
  relatedTicket?: string | null;

  /** Hidden field: people leave it empty. */
  @ApiPropertyOptional({ description: 'leave empty' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(500)
  website?: string;
}

/** An agent records a complaint received by letter, phone or in person. */
export class AgentComplaintDto extends FileComplaintDto {
  @ApiProperty({ enum: ['letter', 'phone', 'walk-in', 'email'] })
  @IsIn(['letter', 'phone', 'walk-in', 'email'])
  channel: 'letter' | 'phone' | 'walk-in' | 'email';

  /** One of the office's published tiers; unset for the default (SP4N-LAPOR!, 5 working days). */
  @ApiPropertyOptional({ example: 'tingkat-3' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @Matches(TIER_CODE, { message: 'kode tingkatan tidak valid' })
  tier?: string | null;
}
