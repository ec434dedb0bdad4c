import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CannedResponseView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import {
  CannedListQuery,
  CreateCannedResponseDto,
  UpdateCannedResponseDto,
} from './canned-response.dto';
import { CannedResponsesService } from './canned-responses.service';
import { ApiAnswers } from '@sigap/api-common';

@ApiTags('canned-responses')
@ApiBearerAuth()
@Controller('v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Get()
  @ApiAnswers(['CannedResponseView'])
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: CannedListQuery,
  ): Promise<CannedResponseView[]> {
    return this.canned.list(user, query.office);
  }

  @Get(':id')
  @ApiAnswers('CannedResponseView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<CannedResponseView> {
    return this.canned.get(user, id);
  }

  @Post()
  @ApiAnswers('CannedResponseView', { errors: [409] })
  create(
    @SignedInUser() user: AuthUser,
    @Body() body: CreateCannedResponseDto,
  ): Promise<CannedResponseView> {
    return this.canned.create(user, body);
  }

  @Patch(':id')
  @ApiAnswers('CannedResponseView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateCannedResponseDto,
  ): Promise<CannedResponseView> {
    return this.canned.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiAnswers(null)
  remove(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.canned.remove(user, id);
  }
}
