import { Module } from '@nestjs/common';
import { OfficesModule } from '@sigap/api-offices';
import { OpdsModule } from '@sigap/api-opds';
import { ServiceCache } from './service-cache';
import { SlaSweepService } from './sla-sweep.service';
import { SystemActionsService } from './system-actions.service';
import { TicketActingService } from './ticket-acting.service';
import { TicketActionsService } from './ticket-actions.service';
import { TicketFactory } from './ticket-factory';
import { TicketKindStandards } from './ticket-kinds';
import { TicketListService } from './ticket-list.service';
import {
  TicketChangeHooks,
  TicketFiles,
  TicketLinkSources,
  TicketResolvedHooks,
} from './ticket-ports';
import { TicketLinksService } from './ticket-links.service';
import { TicketMergeService } from './ticket-merge.service';
import { TicketRelationsController } from './ticket-relations.controller';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketReadingService } from './ticket-reading.service';
import { TicketRepository } from './ticket-repository';
import { TicketsController } from './tickets.controller';
import { TriageService } from './triage.service';
import { LiveController } from './live/live.controller';
import { LiveFeedService } from './live/live-feed.service';
import { PresenceService } from './live/presence.service';

@Module({
  imports: [OfficesModule, OpdsModule],
  controllers: [TicketsController, TicketRelationsController, LiveController],
  providers: [
    TicketRepository,
    TicketFactory,
    TicketKindStandards,
    TicketFiles,
    TicketResolvedHooks,
    TicketChangeHooks,
    TicketLinkSources,
    TicketMergeService,
    TicketLinksService,
    TicketOpeningService,
    TicketActingService,
    TicketReadingService,
    TicketActionsService,
    TicketListService,
    ServiceCache,
    SlaSweepService,
    SystemActionsService,
    TriageService,
    LiveFeedService,
    PresenceService,
  ],
  exports: [
    TicketRepository,
    TicketFactory,
    TicketKindStandards,
    TicketFiles,
    TicketResolvedHooks,
    TicketChangeHooks,
    TicketLinkSources,
    TicketMergeService,
    TicketLinksService,
    TicketOpeningService,
    TicketActingService,
    TicketReadingService,
    TicketActionsService,
    ServiceCache,
    SlaSweepService,
    SystemActionsService,
    TriageService,
    LiveFeedService,
  ],
})
export class TicketsModule {}
