import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { Readiness } from '../common/readiness';
import { ReadinessChecks } from './readiness-checks';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthService, Readiness, ReadinessChecks],
  exports: [Readiness],
})
export class HealthModule {}
