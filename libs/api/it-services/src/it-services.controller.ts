import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ItServiceView, PriorityMatrixView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import {
  CreateItServiceDto,
  ItServiceListQuery,
  PriorityMatrixDto,
  UpdateItServiceDto,
} from './it-service.dto';
import { ItServicesService } from './it-services.service';
import { PriorityMatrixService } from './priority-matrix.service';
import { ApiAnswers } from '@sigap/api-common';

/** The office's IT services: read by its staff, edited by admins and its managers. */
@ApiTags('it-services')
@ApiBearerAuth()
@Controller('v1/it-services')
export class ItServicesController {
  constructor(private readonly services: ItServicesService) {}

  @Get()
  @ApiAnswers(['ItServiceView'])
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: ItServiceListQuery,
  ): Promise<ItServiceView[]> {
    return this.services.list(user, query.office, query.includeRetired === 'true');
  }

  @Get(':id')
  @ApiAnswers('ItServiceView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<ItServiceView> {
    return this.services.get(user, id);
  }

  @Post()
  @HttpCode(201)
  @ApiAnswers('ItServiceView', { errors: [409] })
  create(@SignedInUser() user: AuthUser, @Body() body: CreateItServiceDto): Promise<ItServiceView> {
    return this.services.create(user, body);
  }

  @Put(':id')
  @ApiAnswers('ItServiceView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateItServiceDto,
  ): Promise<ItServiceView> {
    return this.services.update(user, id, body);
  }

  /** Retire instead of delete: tickets that named the service keep it. */
  @Post(':id/retire')
  @HttpCode(200)
  @ApiAnswers('ItServiceView', { errors: [409] })
  retire(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<ItServiceView> {
    return this.services.retire(user, id);
  }
}

/** The office's incident priority matrix (impact x urgency -> priority and targets). */
@ApiTags('it-services')
@ApiBearerAuth()
@Controller('v1/priority-matrix')
export class PriorityMatrixController {
  constructor(private readonly matrices: PriorityMatrixService) {}

  @Get(':office')
  @ApiAnswers('PriorityMatrixView')
  view(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
  ): Promise<PriorityMatrixView> {
    return this.matrices.view(user, office);
  }

  @Put(':office')
  @ApiAnswers('PriorityMatrixView')
  replace(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Body() body: PriorityMatrixDto,
  ): Promise<PriorityMatrixView> {
    return this.matrices.replace(user, office, body);
  }
}
