import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ServiceDetail, ServiceStatus, ServiceSummary } from '@sigap/contracts';
import { IsIn, IsString } from 'class-validator';
import { RequestValidationError, ApiAnswers } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser, TokenScope } from '@sigap/api-identity';
import { CatalogService } from './catalog.service';
import { ServiceStandardDto, UpdateServiceDto } from './service-standard.dto';
import { toStandard } from './to-standard';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

const VERSION_PIPE = new ParseIntPipe({
  exceptionFactory: () =>
    new RequestValidationError([{ path: 'version', message: 'harus berupa bilangan bulat' }]),
});

export class ListServicesQuery {
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  office?: string;

  @IsOptionalNotNull()
  @IsIn(['active', 'retired'])
  status?: ServiceStatus;
}

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('v1/catalog/services')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @TokenScope('catalog:read')
  @ApiAnswers(['ServiceSummary'])
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: ListServicesQuery,
  ): Promise<ServiceSummary[]> {
    return this.catalog.list(user, query);
  }

  @Get(':office/:code')
  @TokenScope('catalog:read')
  @ApiAnswers('ServiceDetail')
  get(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('code') code: string,
  ): Promise<ServiceDetail> {
    return this.catalog.get(user, office, code);
  }

  @Get(':office/:code/versions/:version')
  @TokenScope('catalog:read')
  @ApiAnswers('ServiceDetail')
  version(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('code') code: string,
    @Param('version', VERSION_PIPE) version: number,
  ): Promise<ServiceDetail> {
    return this.catalog.get(user, office, code, version);
  }

  @Post()
  @ApiAnswers('ServiceDetail', { errors: [409] })
  create(@SignedInUser() user: AuthUser, @Body() body: ServiceStandardDto): Promise<ServiceDetail> {
    return this.catalog.create(user, toStandard(body));
  }

  @Put(':office/:code')
  @ApiAnswers('ServiceDetail', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('code') code: string,
    @Body() body: UpdateServiceDto,
  ): Promise<ServiceDetail> {
    return this.catalog.update(user, office, code, body.expectedVersion, toStandard(body.standard));
  }

  @Post(':office/:code/retire')
  @HttpCode(200)
  @ApiAnswers('ServiceDetail', { errors: [409] })
  retire(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('code') code: string,
  ): Promise<ServiceDetail> {
    return this.catalog.setStatus(user, office, code, 'retired');
  }

  @Post(':office/:code/reactivate')
  @HttpCode(200)
  @ApiAnswers('ServiceDetail', { errors: [409] })
  reactivate(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('code') code: string,
  ): Promise<ServiceDetail> {
    return this.catalog.setStatus(user, office, code, 'active');
  }
}
