import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS, type OpdRequest } from '@sigap/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsEmailAddress, IsOptionalNotNull, SingleLine } from '@sigap/api-common';

/** A bare e-mail domain: `dinkes.baliprov.go.id` (no @, no scheme). */
export const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class CreateOpdDto implements OpdRequest {
  @ApiProperty({ example: 'Dinas Kesehatan' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: ['dinkes.baliprov.go.id'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @SingleLine({ each: true })
  @Matches(DOMAIN_PATTERN, { each: true, message: 'domain e-mail tidak valid' })
  emailDomains: string[];
}

export class UpdateOpdDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @SingleLine({ each: true })
  @Matches(DOMAIN_PATTERN, { each: true, message: 'domain e-mail tidak valid' })
  emailDomains?: string[];
}

export class ContactDto {
  @ApiProperty({ example: 'Ni Made Sari' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.contact.name)
  name: string;

  @ApiPropertyOptional({ example: 'made@dinkes.baliprov.go.id' })
  @IsOptionalNotNull()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+62 361 123456' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'nomor telepon tidak valid' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  opdId?: string;
}

export class CreateContactDto extends ContactDto {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;
}

/** A contact's edit: only the fields sent change; `null` clears e-mail, phone or OPD. */
export class UpdateContactDto {
  @ApiPropertyOptional({ example: 'Ni Made Sari, S.Kom.' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'made.sari@dinkes.baliprov.go.id', nullable: true })
  @IsOptional()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: '+62 361 654321', nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'nomor telepon tidak valid' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  opdId?: string | null;
}

export class ContactsQuery {
  @ApiPropertyOptional({ example: 'bali' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional({ description: 'part of the name or e-mail' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'also list deactivated contacts' })
  @IsOptionalNotNull()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}
