import { Module } from '@nestjs/common';
import { MailModule } from '../mail.module';
import { ImapPollerService } from './imap-poller.service';
import { MailboxesController } from './mailboxes.controller';
import { MailboxAdminController } from '../mailboxes/mailbox-admin.controller';
import { MailboxesService } from '../mailboxes/mailboxes.service';

/** Inbound mail fetched from IMAP mailboxes, through the same inbound service as the pipe. */
@Module({
  imports: [MailModule],
  controllers: [MailboxesController, MailboxAdminController],
  providers: [ImapPollerService, MailboxesService],
  exports: [ImapPollerService],
})
export class ImapModule {}
