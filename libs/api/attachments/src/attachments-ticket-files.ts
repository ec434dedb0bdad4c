import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketFiles } from '@sigap/api-tickets';
import { AttachmentEntity } from './attachment.entity';

/** Gives the ticket actions their lookup of attached files (this module's table). */
@Injectable()
export class AttachmentsTicketFiles implements OnModuleInit {
  constructor(private readonly files: TicketFiles) {}

  onModuleInit(): void {
    this.files.provide((manager, id) => manager.findOne(AttachmentEntity, { where: { id } }));
  }
}
