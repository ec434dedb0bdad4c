import { Module } from '@nestjs/common';
import { MailModule } from '@sigap/api-mail';
import { SharedRateLimiter } from '@sigap/api-common';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [MailModule],
  controllers: [SetupController],
  providers: [SetupService, SharedRateLimiter],
})
export class SetupModule {}
