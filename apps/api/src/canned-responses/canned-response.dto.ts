import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;

export class CannedListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  office?: string;
}

export class CreateCannedResponseDto {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'Dokumen belum lengkap' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title: string;

  @ApiProperty({ example: 'Yth. {{nama_pemohon}}, permohonan {{nomor}} ...' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body: string;
}

export class UpdateCannedResponseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body?: string;
}
