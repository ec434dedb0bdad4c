import { Module } from '@nestjs/common';
import { MailModule } from '../mail.module';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxAdminService } from './outbox-admin.service';

/** The administrators' outbox pages (list, reader, retry); the writing side is `OutboxModule`. */
@Module({
  imports: [MailModule],
  controllers: [OutboxAdminController],
  providers: [OutboxAdminService],
})
export class OutboxAdminModule {}
