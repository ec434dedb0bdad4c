import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { IdentityModule } from '../identity/identity.module';
import { OfficesModule } from '../offices/offices.module';
import { OpdsModule } from '../opds/opds.module';
import { SurveyModule } from '../survey/survey.module';
import { TicketsModule } from '../tickets/tickets.module';
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
  ],
  providers: [DemoHistoryService],
  exports: [DemoHistoryService],
})
export class DemoHistoryModule {}
