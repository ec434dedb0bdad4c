import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PositionHoldersView, PositionView, UserView } from '@sigap/contracts';
import { AppConfig } from '@sigap/api-config';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { Public, Roles, SignedInUser } from './decorators';
import { PasswordResetService } from './password-reset.service';
import {
  CreateUserDto,
  HoldersDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  UpdateUserDto,
  UserListQuery,
} from './user-admin.dto';
import { UserAdminService } from './user-admin.service';
import { ApiAnswers, ApiAnswersSchema } from '@sigap/api-common';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersAdminController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiAnswers(['UserView'])
  list(@SignedInUser() user: AuthUser, @Query() query: UserListQuery): Promise<UserView[]> {
    return this.admin.list(user, query.office);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiAnswers('UserView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<UserView> {
    return this.admin.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiAnswers('UserView', { errors: [409] })
  create(@SignedInUser() user: AuthUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.admin.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiAnswers('UserView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.admin.update(user, id, body);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/positions')
export class PositionHoldersController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  @ApiAnswers(['PositionView'])
  list(@SignedInUser() user: AuthUser, @Query() query: UserListQuery): Promise<PositionView[]> {
    return this.admin.positions(user, query.office);
  }

  @Get(':id/holders')
  @ApiAnswers('PositionHoldersView')
  holders(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<PositionHoldersView> {
    return this.admin.holders(user, id);
  }

  @Put(':id/holders')
  @Roles('admin', 'manager')
  @ApiAnswers('PositionHoldersView')
  setHolders(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: HoldersDto,
  ): Promise<PositionHoldersView> {
    return this.admin.setHolders(user, id, body.userIds);
  }
}

const ACCEPTED = {
  type: 'object',
  properties: { accepted: { type: 'boolean', enum: [true] } },
  required: ['accepted'],
};

@ApiTags('auth')
@Controller('v1/auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly config: AppConfig,
  ) {}

  /** With the local sign-in off there is no password to reset (403, as the sign-in answers). */
  private assertLocalLogin(): void {
    if (!this.config.sso.localLogin) {
      throw new IdentityError(
        'auth.local_login_disabled',
        'Masuk dengan kata sandi lokal dimatikan di instalasi ini: kata sandi tidak dapat diatur ulang.',
      );
    }
  }

  /** Always 202 (or 429 when over a limit): whether the e-mail is known is not revealed. */
  @Public()
  @Post()
  @HttpCode(202)
  @ApiAnswersSchema(ACCEPTED, { errors: [429] })
  async request(
    @Req() req: Request,
    @Body() body: PasswordResetRequestDto,
  ): Promise<{ accepted: true }> {
    this.assertLocalLogin();
    await this.resets.request(body.email, req.ip ?? req.socket.remoteAddress ?? '?');
    return { accepted: true };
  }

  @Public()
  @Post('confirm')
  @HttpCode(204)
  @ApiAnswers(null)
  async confirm(@Body() body: PasswordResetConfirmDto): Promise<void> {
    this.assertLocalLogin();
    await this.resets.confirm(body.token, body.password);
  }
}
