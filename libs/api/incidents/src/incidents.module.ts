import { Module } from '@nestjs/common';
import { ItServicesModule } from '@sigap/api-it-services';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { IncidentKindRegistration } from './incident-kind';
import { IncidentsController } from './incidents.controller';
import { IncidentPriorityService } from './incident-priority.service';
import { IncidentPublicNoticeService } from './incident-public-notice.service';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [OpdsModule, TicketsModule, ItServicesModule],
  controllers: [IncidentsController],
  providers: [
    IncidentKindRegistration,
    IncidentsService,
    IncidentPriorityService,
    IncidentPublicNoticeService,
  ],
  exports: [IncidentsService, IncidentPriorityService],
})
export class IncidentsModule {}
