import { Module } from '@nestjs/common';
import { ItServicesModule } from '@sigap/api-it-services';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { IncidentKindRegistration } from './incident-kind';
import { IncidentsController } from './incidents.controller';
import { IncidentPriorityService } from './incident-priority.service';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [OpdsModule, TicketsModule, ItServicesModule],
  controllers: [IncidentsController],
  providers: [IncidentKindRegistration, IncidentsService, IncidentPriorityService],
  exports: [IncidentsService, IncidentPriorityService],
})
export class IncidentsModule {}
