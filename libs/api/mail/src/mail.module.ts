import { Module } from '@nestjs/common';
import { ComplaintsModule } from '@sigap/api-complaints';
import { IncidentsModule } from '@sigap/api-incidents';
import { TicketsModule } from '@sigap/api-tickets';
import { MailTemplatesController } from './mail-templates.controller';
import { OutboxWorker } from './delivery/outbox-worker.service';
import { InboundMailController } from './inbound/inbound-mail.controller';
import { InboundMailService } from './inbound/inbound-mail.service';
import { ThirdPartyMailController } from './inbound/third-party-mail.controller';
import { ThirdPartyMailService } from './inbound/third-party-mail.service';
import { TriageBacklogService } from './inbound/triage-backlog.service';
import { MailService } from './mail.service';
import { InboundRetentionSweep } from './retention/inbound-retention';

/** Outgoing e-mail: templates, message building, the SMTP (or keep) transport, admin previews. */
@Module({
  imports: [TicketsModule, ComplaintsModule, IncidentsModule],
  controllers: [MailTemplatesController, InboundMailController, ThirdPartyMailController],
  providers: [
    MailService,
    OutboxWorker,
    InboundMailService,
    ThirdPartyMailService,
    InboundRetentionSweep,
    TriageBacklogService,
  ],
  exports: [MailService, InboundMailService, OutboxWorker],
})
export class MailModule {}
