import { Module } from '@nestjs/common';
import { OpdsModule } from '../opds/opds.module';
import { ServiceCache } from './service-cache';
import { SlaSweepService } from './sla-sweep.service';
import { SystemActionsService } from './system-actions.service';
import { TicketActionsService } from './ticket-actions.service';
import { TicketListService } from './ticket-list.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [OpdsModule],
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketActionsService,
    TicketListService,
    ServiceCache,
    SlaSweepService,
    SystemActionsService,
  ],
  exports: [TicketsService, SlaSweepService, SystemActionsService],
})
export class TicketsModule {}
