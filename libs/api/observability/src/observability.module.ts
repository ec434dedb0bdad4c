import { Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@sigap/api-config';
import { loggerParams } from './logging';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** The JSON log and the Prometheus metrics. */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => loggerParams(c),
    }),
  ],
  controllers: [MetricsController],
  providers: [MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule {}
