import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@sigap/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsStorablePassword } from './password';
import { IsEmailAddress, IsOptionalNotNull, SingleLine } from '@sigap/api-common';

export class CreateUserDto {
  @ApiProperty({ example: 'made@diskominfos.baliprov.go.id' })
  @IsEmailAddress()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'I Made Sudarma' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: ['agent'], enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ example: 'bali', nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office: string | null;

  @ApiProperty({ example: 'kata-sandi-awal' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  @IsStorablePassword()
  password: string;

  @ApiPropertyOptional({ example: ['helpdesk'] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @SingleLine({ each: true })
  positions?: string[];

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptionalNotNull()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  @IsStorablePassword()
  password?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @SingleLine({ each: true })
  positions?: string[];

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptionalNotNull()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class HoldersDto {
  @ApiProperty({ example: ['3f1c…'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @SingleLine({ each: true })
  userIds: string[];
}

export class UserListQuery {
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'admin@sigap.local' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'kata-sandi-baru' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  @IsStorablePassword()
  password: string;
}
