import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ServicePreviewRequest, SlaPreviewRequest } from '@sigap/contracts';
import type { Duration } from '@sigap/standards';
import { Allow, IsDefined, IsString } from 'class-validator';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

export class SlaPreviewDto implements SlaPreviewRequest {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  office: string;

  @ApiProperty({ example: '2026-03-18T09:00+08:00' })
  @IsString()
  @SingleLine()
  start: string;

  @ApiProperty({
    description: 'Teks seperti di standar ("7 hari", "1 s.d 2 bulan") atau objek Duration',
    example: '1 Hari',
  })
  @IsDefined()
  @Allow()
  duration: string | Duration;
}

export class ServicePreviewDto implements ServicePreviewRequest {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  office: string;

  @ApiProperty({ example: 'pengembangan-aplikasi' })
  @IsString()
  @SingleLine()
  code: string;

  @ApiPropertyOptional({ description: 'Bawaan: sekarang' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  start?: string;

  @ApiPropertyOptional({ example: 'walk-in' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  channel?: string;
}
