import { Module } from '@nestjs/common';
import { TicketsModule } from '@sigap/api-tickets';
import { AttachmentsTicketFiles } from './attachments-ticket-files';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { OrphanFileCleanup } from './orphan-cleanup';
import { UploadInterceptor } from './upload.interceptor';

@Module({
  imports: [TicketsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsTicketFiles, AttachmentsService, UploadInterceptor, OrphanFileCleanup],
  exports: [AttachmentsService, UploadInterceptor],
})
export class AttachmentsModule {}
