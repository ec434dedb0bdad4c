import { Module } from '@nestjs/common';
import { ItServicesModule } from '@sigap/api-it-services';
import { OpdsModule } from '@sigap/api-opds';
import { TicketsModule } from '@sigap/api-tickets';
import { ChangeKindRegistration } from './change-kind';
import { ChangeLifecycleService } from './change-lifecycle.service';
import { ChangePolicyService } from './change-policy.service';
import { ChangeReadingService } from './change-reading.service';
import { ChangesController } from './changes.controller';
import { ChangesService } from './changes.service';

@Module({
  imports: [OpdsModule, TicketsModule, ItServicesModule],
  controllers: [ChangesController],
  providers: [
    ChangeKindRegistration,
    ChangesService,
    ChangeLifecycleService,
    ChangePolicyService,
    ChangeReadingService,
  ],
  exports: [ChangesService, ChangeLifecycleService, ChangeReadingService, ChangePolicyService],
})
export class ChangesModule {}
