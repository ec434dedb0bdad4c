import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@sigap/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SingleLine } from '../common/validators';

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
