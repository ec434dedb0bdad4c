import { Module } from '@nestjs/common';
import { AttachmentsModule } from '@sigap/api-attachments';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { SharedRateLimiter } from '@sigap/api-common';
import { PortalAuthService } from './portal-auth.service';
import { PortalController } from './portal.controller';
import { PortalSessionGuard } from './portal-session.guard';
import { PortalService } from './portal.service';

@Module({
  imports: [OpdsModule, TicketsModule, AttachmentsModule],
  controllers: [PortalController],
  providers: [PortalAuthService, PortalService, PortalSessionGuard, SharedRateLimiter],
})
export class PortalModule {}
