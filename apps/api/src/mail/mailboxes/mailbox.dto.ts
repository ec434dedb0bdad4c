import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A host name or an IPv4/IPv6 address; no scheme, path or spaces. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;
/** IMAP folder names: printable, no control characters. */
const FOLDER = /^[^\p{Cc}]+$/u;

export class CreateMailboxDto {
  @ApiProperty({ example: 'bali-helpdesk' })
  @IsString()
  @Matches(NAME, { message: 'huruf kecil, angka dan tanda minus; paling panjang 40' })
  name: string;

  @ApiProperty({ example: 'bali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'imap.baliprov.go.id' })
  @IsString()
  @MaxLength(255)
  @Matches(HOST, { message: 'nama host atau alamat IP, tanpa skema' })
  host: string;

  @ApiProperty({ example: 993 })
  @IsInt()
  @Min(1)
  @Max(65535)
  port: number;

  @ApiProperty({ description: 'TLS from the first byte (IMAPS)' })
  @IsBoolean()
  secure: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  tlsRejectUnauthorized?: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  user: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password: string;

  @ApiPropertyOptional({ default: 'INBOX' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  folder?: string;

  @ApiPropertyOptional({ description: 'move processed messages there; null marks them seen' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  processedFolder?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  useIdle?: boolean;

  @ApiPropertyOptional({ default: 60, minimum: 10, maximum: 3600 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3600)
  pollSeconds?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateMailboxDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(NAME, { message: 'huruf kecil, angka dan tanda minus; paling panjang 40' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(HOST, { message: 'nama host atau alamat IP, tanpa skema' })
  host?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  secure?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  tlsRejectUnauthorized?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  user?: string;

  @ApiPropertyOptional({ writeOnly: true, description: 'omitted keeps the stored password' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  folder?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  processedFolder?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  useIdle?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3600)
  pollSeconds?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class MailboxListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  office?: string;
}

export class MailboxVersionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
