import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { KnownOfficeInterceptor } from './known-office.interceptor';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';

@Module({
  controllers: [OfficesController],
  providers: [OfficesService, { provide: APP_INTERCEPTOR, useClass: KnownOfficeInterceptor }],
  exports: [OfficesService],
})
export class OfficesModule {}
