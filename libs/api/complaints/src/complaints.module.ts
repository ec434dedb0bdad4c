import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '@sigap/api-config';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { SharedRateLimiter } from '@sigap/api-common';
import {
  ComplaintsController,
  ComplaintTiersController,
  PublicComplaintsController,
} from './complaints.controller';
import { ComplaintKindRegistration } from './complaint-kind';
import { ComplaintTiersService } from './complaint-tiers.service';
import { ComplaintMailRouter } from './complaint-mail-router';
import { ComplaintsService } from './complaints.service';
import { FakeLaporGateway } from './lapor/fake-lapor.gateway';
import { HttpLaporGateway } from './lapor/http-lapor.gateway';
import { LaporPullScheduler } from './lapor/lapor-pull.scheduler';
import { LaporSyncService } from './lapor/lapor-sync.service';
import { LaporClosingService } from './lapor/lapor-closing.service';
import { LaporInboundService } from './lapor/lapor-inbound.service';
import { LaporOutbound } from './lapor/lapor-outbound';
import { LaporController } from './lapor/lapor.controller';
import { LaporOutboxWorker } from './lapor/lapor-outbox.worker';
import { AttachmentsModule } from '@sigap/api-attachments';
import { DisabledLaporGateway, LaporGateway } from './lapor/lapor-gateway';

/** The LAPOR! connection the configuration asks for; the token is never logged. */
export function laporGatewayFor(config: AppConfig): LaporGateway {
  const log = new Logger('Lapor');
  if (config.laporUrl && config.laporToken) {
    log.log(`SP4N-LAPOR! aktif: ${config.laporUrl}`);
    return new HttpLaporGateway(config.laporUrl, config.laporToken);
  }
  if (config.laporFake) return new FakeLaporGateway();
  return new DisabledLaporGateway();
}

@Module({
  imports: [OpdsModule, TicketsModule, AttachmentsModule],
  controllers: [
    PublicComplaintsController,
    ComplaintsController,
    ComplaintTiersController,
    LaporController,
  ],
  providers: [
    ComplaintKindRegistration,
    ComplaintsService,
    ComplaintTiersService,
    ComplaintMailRouter,
    SharedRateLimiter,
    LaporPullScheduler,
    LaporSyncService,
    LaporInboundService,
    LaporClosingService,
    LaporOutbound,
    LaporOutboxWorker,
    { provide: LaporGateway, useFactory: laporGatewayFor, inject: [AppConfig] },
  ],
  exports: [ComplaintsService, ComplaintTiersService, ComplaintMailRouter],
})
export class ComplaintsModule {}
