import { Module } from '@nestjs/common';
import { OfficeChanges } from './office-changes';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';

@Module({
  controllers: [OfficesController, PositionsController],
  providers: [OfficesService, OfficeChanges, PositionsService],
  exports: [OfficesService, OfficeChanges],
})
export class OfficesModule {}
