import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { SharedRateLimiter } from '../common/shared-rate-limit';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [MailModule],
  controllers: [SetupController],
  providers: [SetupService, SharedRateLimiter],
})
export class SetupModule {}
