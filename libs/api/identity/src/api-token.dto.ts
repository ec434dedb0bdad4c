import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@sigap/contracts';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  IsChoiceList,
  IsOptionalNotNull,
  IsOptionalOfficeCode,
  SingleLine,
} from '@sigap/api-common';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'e-Office' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: ['tickets:read'], enum: API_TOKEN_SCOPES, isArray: true })
  @IsChoiceList(API_TOKEN_SCOPES)
  scopes: ApiTokenScope[];

  @ApiPropertyOptional({ example: 'bali' })
  @IsOptionalOfficeCode()
  office?: string;

  @ApiPropertyOptional({ example: '2027-12-31T00:00:00Z' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
