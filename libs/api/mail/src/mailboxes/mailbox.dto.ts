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
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A host name or an IPv4/IPv6 address; no scheme, path or spaces. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;
/** IMAP folder names: printable, no control characters. */
const FOLDER = /^[^\p{Cc}]+$/u;

export class CreateMailboxDto {
  @ApiProperty({ example: 'bali-helpdesk' })
  @IsString()
  @SingleLine()
  @Matches(NAME, { message: 'huruf kecil, angka dan tanda minus; paling panjang 40' })
  name: string;

  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'imap.baliprov.go.id' })
  @IsString()
  @SingleLine()
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
  @IsOptionalNotNull()
  @IsBoolean()
  tlsRejectUnauthorized?: boolean;

  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(320)
  user: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password: string;

  @ApiPropertyOptional({ default: 'INBOX' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  folder?: string;

  @ApiPropertyOptional({ description: 'move processed messages there; null marks them seen' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @SingleLine()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  processedFolder?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  useIdle?: boolean;

  @ApiPropertyOptional({ default: 60, minimum: 10, maximum: 3600 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(10)
  @Max(3600)
  pollSeconds?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateMailboxDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @Matches(NAME, { message: 'huruf kecil, angka dan tanda minus; paling panjang 40' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(255)
  @Matches(HOST, { message: 'nama host atau alamat IP, tanpa skema' })
  host?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  secure?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  tlsRejectUnauthorized?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(320)
  user?: string;

  @ApiPropertyOptional({ writeOnly: true, description: 'omitted keeps the stored password' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  folder?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @SingleLine()
  @MaxLength(200)
  @Matches(FOLDER, { message: 'nama folder tidak valid' })
  processedFolder?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  useIdle?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(10)
  @Max(3600)
  pollSeconds?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}

export class MailboxListQuery {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;
}

export class MailboxVersionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
