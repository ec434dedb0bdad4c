import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@sigap/api-config';
import type { CurrentUser, LoginResponse } from '@sigap/contracts';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { AuthenticatedRequest, Public, SignedInUser } from './decorators';
import { IdentityError } from './identity-error';
import { ChangePasswordDto, LoginDto } from './login.dto';
import { ApiAnswers } from '@sigap/api-common';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiAnswers('LoginResponse', { errors: [401, 429] })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, req.ip ?? req.socket.remoteAddress ?? '?');
  }

  /**
   * Changes the signed-in user's own password: every earlier token of theirs stops working,
   * and the answer carries a new one for this session.
   */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiAnswers('LoginResponse')
  changePassword(
    @Req() req: Request,
    @SignedInUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
  ): Promise<LoginResponse> {
    return this.auth.changePassword(
      user,
      body.currentPassword,
      body.newPassword,
      req.ip ?? req.socket.remoteAddress ?? '?',
    );
  }

  /** Ends this token's sign-in on the server: from now on it answers 401 on every instance. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiAnswers(null)
  async logout(@Req() req: AuthenticatedRequest, @SignedInUser() user: AuthUser): Promise<void> {
    if (!req.accessToken) throw IdentityError.unauthenticated();
    await this.auth.logout(req.accessToken, user);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiAnswers('CurrentUser')
  me(@SignedInUser() user: AuthUser): CurrentUser {
    return { ...user, uploadMaxBytes: this.config.attachmentMaxBytes };
  }
}
