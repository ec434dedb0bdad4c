import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@sigap/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://eoffice.baliprov.go.id/hooks/sigap' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({
    protocols: ['http', 'https'],
    require_protocol: true,
    require_tld: false,
    allow_underscores: true,
  })
  url: string;

  @ApiProperty({ example: ['ticket.opened'], enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiPropertyOptional({ example: 'bali' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office?: string;
}

export class UpdateWebhookDto {
  @ApiProperty({ example: false })
  @IsBoolean()
  active: boolean;
}
