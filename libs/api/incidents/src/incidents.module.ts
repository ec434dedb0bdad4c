import { Module } from '@nestjs/common';
import { ItServicesModule } from '@sigap/api-it-services';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { IncidentKindRegistration } from './incident-kind';
import { IncidentLinkSource } from './incident-link-source';
import { IncidentsController } from './incidents.controller';
import { IncidentPriorityService } from './incident-priority.service';
import { IncidentMailIntake } from './incident-mail-intake';
import { IncidentPublicNoticeService } from './incident-public-notice.service';
import { IncidentsService } from './incidents.service';
import { MajorIncidentCascade } from './major-incident-cascade';
import { MajorIncidentsService } from './major-incidents.service';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

@Module({
  imports: [OpdsModule, TicketsModule, ItServicesModule],
  controllers: [IncidentsController, ProblemsController],
  providers: [
    IncidentKindRegistration,
    IncidentLinkSource,
    IncidentsService,
    IncidentPriorityService,
    MajorIncidentsService,
    MajorIncidentCascade,
    ProblemsService,
    IncidentMailIntake,
    IncidentPublicNoticeService,
  ],
  exports: [
    IncidentsService,
    IncidentPriorityService,
    MajorIncidentsService,
    ProblemsService,
    IncidentMailIntake,
    IncidentPublicNoticeService,
  ],
})
export class IncidentsModule {}
