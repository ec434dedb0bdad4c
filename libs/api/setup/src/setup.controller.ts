import { IsEmailAddress, ApiAnswers } from '@sigap/api-common';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { SetupStatus, TestMailRequest, TestMailResult } from '@sigap/contracts';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { SetupService } from './setup.service';

export class TestMailDto implements TestMailRequest {
  @ApiProperty({ example: 'admin@diskominfo.go.id' })
  @IsDefined({ message: 'wajib diisi' })
  @IsString()
  @MaxLength(254)
  @IsEmailAddress()
  to: string;
}

/** The first-run set-up (admins): what is still missing, and a test of outgoing mail. */
@ApiTags('setup')
@ApiBearerAuth()
@Controller('v1/setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  @Roles('admin')
  @ApiAnswers('SetupStatus')
  status(): Promise<SetupStatus> {
    return this.setup.status();
  }

  @Post('test-mail')
  @Roles('admin')
  @HttpCode(200)
  @ApiAnswers('TestMailResult', { errors: [429, 502] })
  testMail(@SignedInUser() user: AuthUser, @Body() body: TestMailDto): Promise<TestMailResult> {
    return this.setup.sendTestMail(user, body.to.trim());
  }
}
