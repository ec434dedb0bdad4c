import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketFiles } from '@sigap/api-tickets';
import { AttachmentEntity } from './attachment.entity';

/**
 * Gives the ticket actions their lookup of attached files (this module's table), and a merge
 * the move of a duplicate's files to its target.
 */
@Injectable()
export class AttachmentsTicketFiles implements OnModuleInit {
  constructor(private readonly files: TicketFiles) {}

  onModuleInit(): void {
    this.files.provide(
      (manager, id) => manager.findOne(AttachmentEntity, { where: { id } }),
      async (manager, fromTicketId, toTicketId) => {
        const result = await manager.update(
          AttachmentEntity,
          { ticketId: fromTicketId },
          { ticketId: toTicketId },
        );
        return result.affected ?? 0;
      },
      (manager, ticketId) => manager.count(AttachmentEntity, { where: { ticketId } }),
    );
  }
}
