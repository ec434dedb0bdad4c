import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor } from './upload.interceptor';

@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsService, UploadInterceptor],
  exports: [AttachmentsService, UploadInterceptor],
})
export class AttachmentsModule {}
