import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  PortalAnswerRequest,
  PortalLinkRequest,
  PortalOpenRequest,
  PortalSignInRequest,
} from '@sigap/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsEmailAddress, IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

export class PortalLinkDto implements PortalLinkRequest {
  @ApiProperty({ example: 'ani@diskes.gorontaloprov.go.id' })
  @IsEmailAddress({ message: 'alamat e-mail tidak valid' })
  @MaxLength(254)
  email: string;
}

export class PortalSignInDto implements PortalSignInRequest {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token tidak valid' })
  token: string;
}

export class PortalOpenDto implements PortalOpenRequest {
  @ApiProperty({ example: 'pengembangan-aplikasi' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(80)
  service: string;

  @ApiProperty({ example: 'Pengembangan aplikasi e-Puskesmas' })
  @IsString()
  @SingleLine()
  @Matches(/\S/, { message: 'wajib diisi' })
  @MaxLength(300)
  subject: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @Matches(/\S/, { message: 'wajib diisi' })
  @MaxLength(20_000)
  description: string;
}

export class PortalAnswerDto implements PortalAnswerRequest {
  @ApiProperty()
  @IsString()
  @MultiLine()
  @Matches(/\S/, { message: 'wajib diisi' })
  @MaxLength(20_000)
  body: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'id lampiran tidak valid' })
  attachmentIds?: string[];
}
