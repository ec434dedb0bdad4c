import { Module } from '@nestjs/common';
import { ItServicesController, PriorityMatrixController } from './it-services.controller';
import { ItServicesSeedService } from './it-services-seed.service';
import { ItServicesService } from './it-services.service';
import { PriorityMatrixService } from './priority-matrix.service';

/** The IT services each office runs and its incident priority matrix (org layer). */
@Module({
  controllers: [ItServicesController, PriorityMatrixController],
  providers: [ItServicesService, PriorityMatrixService, ItServicesSeedService],
  exports: [ItServicesService, PriorityMatrixService, ItServicesSeedService],
})
export class ItServicesModule {}
