import { Module } from '@nestjs/common';
import { DashboardsModule } from '@sigap/api-dashboards';
import { ReviewsModule } from '@sigap/api-reviews';
import { SurveyModule } from '@sigap/api-survey';
import { ReportsController } from './reports.controller';
import { EvidencePackService } from './evidence-pack.service';
import { ReportsService } from './reports.service';

/**
 * Printable reports built from the dashboards' and the survey's figures, through the services
 * their modules export.
 */
@Module({
  imports: [DashboardsModule, SurveyModule, ReviewsModule],
  controllers: [ReportsController],
  providers: [ReportsService, EvidencePackService],
  exports: [ReportsService, EvidencePackService],
})
export class ReportsModule {}
