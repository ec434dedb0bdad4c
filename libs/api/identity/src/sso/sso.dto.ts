import { ApiProperty } from '@nestjs/swagger';
import type { LdapLoginRequest, SsoExchangeRequest } from '@sigap/contracts';
import { SingleLine } from '@sigap/api-common';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LdapLoginDto implements LdapLoginRequest {
  @ApiProperty({ example: 'budi', description: 'User name in the directory (uid, sAMAccountName)' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(128)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class SsoExchangeDto implements SsoExchangeRequest {
  @ApiProperty({ description: 'The one-time code from the `sso` query parameter' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'kode masuk tunggal tidak berbentuk benar' })
  code: string;
}
