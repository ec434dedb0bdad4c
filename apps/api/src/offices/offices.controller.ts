import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OfficeDetail, OfficeSummary } from '@sigap/contracts';
import { OfficesService } from './offices.service';

@ApiTags('offices')
@ApiBearerAuth()
@Controller('v1/offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Get()
  list(): Promise<OfficeSummary[]> {
    return this.offices.list();
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<OfficeDetail> {
    return this.offices.get(code);
  }
}
