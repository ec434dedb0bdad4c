import { Module } from '@nestjs/common';
import { TicketsModule } from '@sigap/api-tickets';
import { NotificationDigestService } from './notification-digest.service';
import { NotificationWriter } from './notification-writer';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TicketsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationWriter, NotificationDigestService],
  exports: [NotificationsService, NotificationDigestService],
})
export class NotificationsModule {}
