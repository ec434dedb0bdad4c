import { Module } from '@nestjs/common';
import { CalendarsModule } from '@sigap/api-calendars';
import { ComplaintsModule } from '@sigap/api-complaints';
import { DashboardsModule } from '@sigap/api-dashboards';
import { IdentityModule } from '@sigap/api-identity';
import { OfficesModule } from '@sigap/api-offices';
import { OpdsModule } from '@sigap/api-opds';
import { ReviewsModule } from '@sigap/api-reviews';
import { SurveyModule } from '@sigap/api-survey';
import { TicketsModule } from '@sigap/api-tickets';
import { DemoHistoryService } from './demo-history.service';

@Module({
  imports: [
    CalendarsModule,
    IdentityModule,
    OfficesModule,
    OpdsModule,
    TicketsModule,
    ComplaintsModule,
    SurveyModule,
    DashboardsModule,
    ReviewsModule,
  ],
  providers: [DemoHistoryService],
  exports: [DemoHistoryService],
})
export class DemoHistoryModule {}
