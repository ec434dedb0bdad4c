import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { Readiness } from './readiness';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthService, Readiness],
  exports: [Readiness],
})
export class HealthModule {}
