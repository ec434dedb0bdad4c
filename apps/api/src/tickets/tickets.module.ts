import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { OpdsModule } from '../opds/opds.module';
import { SurveyModule } from '../survey/survey.module';
import { ServiceCache } from './service-cache';
import { SlaSweepService } from './sla-sweep.service';
import { SystemActionsService } from './system-actions.service';
import { TicketActionsService } from './ticket-actions.service';
import { TicketListService } from './ticket-list.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { TriageBacklogService } from './triage-backlog.service';
import { TriageService } from './triage.service';

@Module({
  imports: [OfficesModule, OpdsModule, SurveyModule],
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketActionsService,
    TicketListService,
    ServiceCache,
    SlaSweepService,
    SystemActionsService,
    TriageService,
    TriageBacklogService,
  ],
  exports: [
    TicketsService,
    TicketActionsService,
    SlaSweepService,
    SystemActionsService,
    TriageService,
  ],
})
export class TicketsModule {}
