import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@sigap/contracts';
import { IsBoolean, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsChoiceList, IsOptionalOfficeCode } from '@sigap/api-common';

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
  @IsChoiceList(WEBHOOK_EVENTS)
  events: WebhookEvent[];

  @ApiPropertyOptional({ example: 'bali' })
  @IsOptionalOfficeCode()
  office?: string;
}

export class UpdateWebhookDto {
  @ApiProperty({ example: false })
  @IsBoolean()
  active: boolean;
}
