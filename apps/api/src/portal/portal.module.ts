import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { OpdsModule } from '../opds/opds.module';
import { TicketsModule } from '../tickets/tickets.module';
import { SharedRateLimiter } from '../common/shared-rate-limit';
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
