import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { OrphanFileCleanup } from './orphan-cleanup';
import { UploadInterceptor } from './upload.interceptor';

@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsService, UploadInterceptor, OrphanFileCleanup],
  exports: [AttachmentsService, UploadInterceptor],
})
export class AttachmentsModule {}
