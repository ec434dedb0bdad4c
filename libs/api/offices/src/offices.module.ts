import { Module } from '@nestjs/common';
import { OfficeChanges } from './office-changes';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { KnownOfficeInterceptor } from './known-office.interceptor';
import { OfficeDirectoryAdapter } from './office-directory.adapter';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';

@Module({
  controllers: [OfficesController, PositionsController],
  providers: [
    OfficesService,
    OfficeChanges,
    PositionsService,
    OfficeDirectoryAdapter,
    { provide: APP_INTERCEPTOR, useClass: KnownOfficeInterceptor },
  ],
  exports: [OfficesService, OfficeChanges, OfficeDirectoryAdapter],
})
export class OfficesModule {}
