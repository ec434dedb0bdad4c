import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;

export class CannedListQuery {
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;
}

export class CreateCannedResponseDto {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'Dokumen belum lengkap' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title: string;

  @ApiProperty({ example: 'Yth. {{nama_pemohon}}, permohonan {{nomor}} ...' })
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body: string;
}

export class UpdateCannedResponseDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body?: string;
}
