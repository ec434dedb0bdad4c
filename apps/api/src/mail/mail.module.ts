import { Module } from '@nestjs/common';
import { MailTemplatesController } from './mail-templates.controller';
import { MailService } from './mail.service';

/** Outgoing e-mail: templates, message building, the SMTP (or keep) transport, admin previews. */
@Module({
  controllers: [MailTemplatesController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
