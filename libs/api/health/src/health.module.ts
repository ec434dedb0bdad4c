import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { Readiness } from '@sigap/api-common';
import { ReadinessChecks } from './readiness-checks';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthService, Readiness, ReadinessChecks],
  exports: [Readiness],
})
export class HealthModule {}
