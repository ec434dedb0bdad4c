import { AttachmentEntity } from '../attachments/attachment.entity';
import { PasswordResetEntity } from '../identity/password-reset.entity';
import { OpdDomainEntity, OpdEntity } from '../opds/opd.entity';
import { RequesterContactEntity } from '../opds/requester-contact.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { InboundMessageEntity } from '../mail/inbound/inbound-message.entity';
import { ChecklistItemEntity } from '../tickets/checklist-item.entity';
import { ClockEventEntity } from '../tickets/clock-event.entity';
import { TicketStepEntity } from '../tickets/ticket-step.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { TimelineEntryEntity } from '../tickets/timeline-entry.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { CALENDAR_ENTITIES } from '../calendars/calendar.entities';
import { CatalogServiceEntity } from '../catalog/catalog-service.entity';
import { ServiceVersionEntity } from '../catalog/service-version.entity';
import { UserEntity } from '../identity/user.entity';
import { OfficeEntity } from '../offices/office.entity';
import { PositionEntity } from '../offices/position.entity';

export const ENTITIES = [
  OfficeEntity,
  PositionEntity,
  UserEntity,
  CatalogServiceEntity,
  ServiceVersionEntity,
  AuditEntryEntity,
  // tickets
  OpdEntity,
  OpdDomainEntity,
  RequesterContactEntity,
  PasswordResetEntity,
  OutboxEntity,
  InboundMessageEntity,
  TicketEntity,
  ChecklistItemEntity,
  TicketStepEntity,
  ClockEventEntity,
  TimelineEntryEntity,
  AttachmentEntity,
  // calendars
  ...CALENDAR_ENTITIES,
];
