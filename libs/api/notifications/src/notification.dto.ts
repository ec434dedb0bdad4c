import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@sigap/contracts';
import { IsOptionalNotNull } from '@sigap/api-common';

export const PAGE_MAX = 100;

export class NotificationListQuery {
  @ApiPropertyOptional({ description: 'Halaman, mulai 1', example: 1 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ description: 'Jumlah per halaman (1-100)', example: 20 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Hanya yang belum dibaca', example: false })
  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Notifikasi yang ditandai dibaca' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Tandai semua yang belum dibaca' })
  @IsOptionalNotNull()
  @IsBoolean()
  all?: boolean;
}

class ChannelsDto {
  @IsOptionalNotNull() @IsIn(NOTIFICATION_CHANNELS) assigned?: NotificationChannel;
  @IsOptionalNotNull() @IsIn(NOTIFICATION_CHANNELS) step_at_risk?: NotificationChannel;
  @IsOptionalNotNull() @IsIn(NOTIFICATION_CHANNELS) step_breached?: NotificationChannel;
  @IsOptionalNotNull() @IsIn(NOTIFICATION_CHANNELS) requester_replied?: NotificationChannel;
  @IsOptionalNotNull() @IsIn(NOTIFICATION_CHANNELS) mentioned?: NotificationChannel;
}

export class PreferencesDto {
  @ApiPropertyOptional({
    description: 'Per jenis: console (lonceng saja), email (segera), digest (ringkasan harian)',
    example: { mentioned: 'email', step_at_risk: 'digest' },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelsDto)
  channels: ChannelsDto;
}
