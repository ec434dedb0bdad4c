import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@sigap/contracts';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine } from '@sigap/api-common';
import { IsStorablePassword } from './password';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@sigap.local' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'sigap-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

/** The signed-in user's own password change. */
export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ example: 'kata-sandi-baru' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  @IsStorablePassword()
  newPassword: string;
}
