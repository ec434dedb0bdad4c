import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApiTokenView, CreatedApiToken } from '@sigap/contracts';
import { CreateApiTokenDto } from './api-token.dto';
import { ApiTokensService } from './api-tokens.service';
import type { AuthUser } from './auth-user';
import { Roles, SignedInUser } from './decorators';
import { ApiAnswers } from '@sigap/api-common';

/** API tokens, for administrators signed in as themselves (tokens cannot manage tokens). */
@ApiTags('integrations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiAnswers('CreatedApiToken')
  create(
    @Body() body: CreateApiTokenDto,
    @SignedInUser() user: AuthUser,
  ): Promise<CreatedApiToken> {
    return this.tokens.create(body, user);
  }

  @Get()
  @ApiAnswers(['ApiTokenView'])
  list(): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiAnswers(null)
  revoke(@Param('id') id: string, @SignedInUser() user: AuthUser): Promise<void> {
    return this.tokens.revoke(id, user);
  }
}
