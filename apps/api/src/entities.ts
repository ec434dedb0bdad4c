/** Every entity of the application, for the data source the server, CLI and tests build. */
import { AttachmentEntity } from './attachments/attachment.entity';
import { CannedResponseEntity } from './canned-responses/canned-response.entity';
import { PasswordResetEntity } from './identity/password-reset.entity';
import { OpdDomainEntity, OpdEntity } from './opds/opd.entity';
import { RequesterContactEntity } from './opds/requester-contact.entity';
import { OutboxEntity } from './outbox/outbox.entity';
import { PortalLinkEntity, PortalSessionEntity } from './portal/portal.entities';
import { InboundMessageEntity } from './mail/inbound/inbound-message.entity';
import { InboundAttachmentEntity } from './mail/retention/inbound-attachment.entity';
import { MailboxEntity } from './mail/mailboxes/mailbox.entity';
import { MailboxMessageFailureEntity } from './mail/imap/mailbox-message-failure.entity';
import { ChecklistItemEntity } from './tickets/checklist-item.entity';
import { ClockEventEntity } from './tickets/clock-event.entity';
import { TicketStepEntity } from './tickets/ticket-step.entity';
import { TicketEntity } from './tickets/ticket.entity';
import { TimelineEntryEntity } from './tickets/timeline-entry.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CALENDAR_ENTITIES } from './calendars/calendar.entities';
import { ComplaintEntity } from './complaints/complaint.entity';
import { ComplaintTierEntity } from './complaints/complaint-tier.entity';
import { CatalogServiceEntity } from './catalog/catalog-service.entity';
import { ServiceVersionEntity } from './catalog/service-version.entity';
import { UserEntity } from './identity/user.entity';
import { OfficeEntity } from './offices/office.entity';
import { PositionEntity } from './offices/position.entity';
import { SURVEY_ENTITIES } from './survey/survey.entities';

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
  InboundAttachmentEntity,
  MailboxEntity,
  MailboxMessageFailureEntity,
  TicketEntity,
  ChecklistItemEntity,
  TicketStepEntity,
  ClockEventEntity,
  TimelineEntryEntity,
  AttachmentEntity,
  // requester portal
  PortalLinkEntity,
  PortalSessionEntity,
  // calendars
  ...CALENDAR_ENTITIES,
  // survey
  ...SURVEY_ENTITIES,
  // complaints
  ComplaintEntity,
  ComplaintTierEntity,
  CannedResponseEntity,
];
