import { Module } from '@nestjs/common';
import { SurveyModule } from '@sigap/api-survey';
import { DashboardRefreshService } from './dashboard-refresh.service';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';

/** SLA dashboards: facts and rollups kept by a refresh job, read by the dashboard endpoints. */
@Module({
  imports: [SurveyModule],
  controllers: [DashboardsController],
  providers: [DashboardsService, DashboardRefreshService],
  exports: [DashboardsService, DashboardRefreshService],
})
export class DashboardsModule {}
