import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PositionAdminView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { CreatePositionDto, UpdatePositionDto } from './offices.dto';
import { PositionsService } from './positions.service';
import { ApiAnswers } from '@sigap/api-common';

/**
 * Creating, editing and retiring an office's positions (admins; an office's manager for their
 * own office). Listing them with their holders is `GET /api/v1/positions?office=`.
 */
@ApiTags('positions')
@ApiBearerAuth()
@Controller('v1/positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Post()
  @Roles('admin', 'manager')
  @ApiAnswers('PositionAdminView', { errors: [409] })
  create(
    @SignedInUser() user: AuthUser,
    @Body() body: CreatePositionDto,
  ): Promise<PositionAdminView> {
    return this.positions.create(user, body);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiAnswers('PositionAdminView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdatePositionDto,
  ): Promise<PositionAdminView> {
    return this.positions.update(user, id, body);
  }

  @Post(':id/retire')
  @Roles('admin', 'manager')
  @HttpCode(200)
  @ApiAnswers('PositionAdminView', { errors: [409] })
  retire(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<PositionAdminView> {
    return this.positions.retire(user, id);
  }
}
