import { Module } from '@nestjs/common';
import { TicketsModule } from '@sigap/api-tickets';
import { SharedRateLimiter } from '@sigap/api-common';
import { IkmReportService } from './ikm-report.service';
import { SurveyLimiter } from './survey-limiter';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';
import { SurveyTicketHook } from './survey-ticket-hook';

/**
 * The satisfaction survey (SKM) and index (IKM). Exports `SurveyService` (invitations, written
 * by the tickets domain when a ticket is resolved) and `IkmReportService` (IKM per office,
 * service and period, for the dashboards).
 */
@Module({
  imports: [TicketsModule],
  controllers: [SurveyController],
  providers: [SurveyTicketHook, SurveyService, IkmReportService, SurveyLimiter, SharedRateLimiter],
  exports: [SurveyService, IkmReportService],
})
export class SurveyModule {}
