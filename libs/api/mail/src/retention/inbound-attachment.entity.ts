import { Entity, PrimaryColumn } from 'typeorm';

/**
 * One attachment copy an inbound message carries (`<data>/mail/attachments/<sha256>`): written with
 * the message's row, read by the retention sweep to tell whether a ticket still refers to a copy.
 */
@Entity('inbound_attachments')
export class InboundAttachmentEntity {
  @PrimaryColumn({ name: 'inbound_id', type: 'varchar', length: 36 })
  inboundId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;
}
