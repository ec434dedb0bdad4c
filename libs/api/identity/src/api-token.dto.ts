import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@sigap/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'e-Office' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: ['tickets:read'], enum: API_TOKEN_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_TOKEN_SCOPES, { each: true })
  scopes: ApiTokenScope[];

  @ApiPropertyOptional({ example: 'bali' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;

  @ApiPropertyOptional({ example: '2027-12-31T00:00:00Z' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
