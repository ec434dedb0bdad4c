import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  OUTBOX_CHANNELS,
  type OutboxChannelView,
  type OutboxItemView,
  type OutboxMessageView,
  type OutboxPageView,
} from '@sigap/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { OutboxAdminService } from './outbox-admin.service';
import type { OutboxStatus } from '@sigap/api-outbox';
import { IsOptionalNotNull, SingleLine, ApiAnswers } from '@sigap/api-common';

export class OutboxListQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS, default: 'mail' })
  @IsOptionalNotNull()
  @IsIn(OUTBOX_CHANNELS)
  channel?: OutboxChannelView;

  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'] })
  @IsOptionalNotNull()
  @IsIn(['pending', 'sent', 'failed'])
  status?: OutboxStatus;

  @ApiPropertyOptional({ description: 'e.g. ticket.received' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ description: 'ticket number' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  ticket?: string;

  @ApiPropertyOptional({ description: 'recipient address (exact)' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(320)
  recipient?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/**
 * The outbox for administrators: what Sigap sent, is sending and failed to send, by e-mail or
 * to SP4N-LAPOR!; a failed row can be sent again.
 */
@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @ApiAnswers('OutboxPageView')
  list(@Query() query: OutboxListQueryDto): Promise<OutboxPageView> {
    return this.outbox.list(query);
  }

  @Get(':id')
  @ApiAnswers('OutboxMessageView')
  get(@Param('id') id: string): Promise<OutboxMessageView> {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiAnswers('OutboxItemView')
  retry(@Param('id') id: string, @SignedInUser() user: AuthUser): Promise<OutboxItemView> {
    return this.outbox.retry(id, user.id);
  }
}
