import { Module } from '@nestjs/common';
import { MailModule } from '../mail.module';
import { ImapPollerService } from './imap-poller.service';
import { MailboxesController } from './mailboxes.controller';

/** Inbound mail fetched from IMAP mailboxes, through the same inbound service as the pipe. */
@Module({
  imports: [MailModule],
  controllers: [MailboxesController],
  providers: [ImapPollerService],
  exports: [ImapPollerService],
})
export class ImapModule {}
