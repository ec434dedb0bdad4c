/** Every entity of the application, for the data source the server, CLI and tests build. */
import { AttachmentEntity } from '@sigap/api-attachments';
import { CannedResponseEntity } from '@sigap/api-canned-responses';
import { ApiTokenEntity, PasswordResetEntity } from '@sigap/api-identity';
import { OpdDomainEntity, OpdEntity } from '@sigap/api-opds';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { WebhookEntity } from '@sigap/api-webhooks';
import { PortalLinkEntity, PortalSessionEntity } from '@sigap/api-portal';
import { InboundMessageEntity } from '@sigap/api-mail';
import { InboundAttachmentEntity } from '@sigap/api-mail';
import { MailboxEntity } from '@sigap/api-mail';
import { MailboxMessageFailureEntity } from '@sigap/api-mail';
import { ChecklistItemEntity } from '@sigap/api-tickets';
import { ClockEventEntity } from '@sigap/api-tickets';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { AuditEntryEntity } from '@sigap/api-audit';
import { CALENDAR_ENTITIES } from '@sigap/api-calendars';
import { ComplaintEntity } from '@sigap/api-complaints';
import { ComplaintTierEntity } from '@sigap/api-complaints';
import { IncidentEntity, ProblemEntity, TicketItServiceEntity } from '@sigap/api-incidents';
import { ChangeApprovalPolicyEntity, ChangeEntity, ChangeIncidentEntity } from '@sigap/api-changes';
import { ItServiceEntity, PriorityMatrixEntity } from '@sigap/api-it-services';
import { ImprovementActionEntity, ReviewEntity } from '@sigap/api-reviews';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { ServiceVersionEntity } from '@sigap/api-catalog';
import { UserEntity } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { PositionEntity } from '@sigap/api-offices';
import { SURVEY_ENTITIES } from '@sigap/api-survey';

export const ENTITIES = [
  OfficeEntity,
  PositionEntity,
  UserEntity,
  ApiTokenEntity,
  CatalogServiceEntity,
  ServiceVersionEntity,
  AuditEntryEntity,
  // tickets
  OpdEntity,
  OpdDomainEntity,
  RequesterContactEntity,
  PasswordResetEntity,
  OutboxEntity,
  WebhookEntity,
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
  // IT service management
  ItServiceEntity,
  PriorityMatrixEntity,
  IncidentEntity,
  ChangeEntity,
  ChangeApprovalPolicyEntity,
  ChangeIncidentEntity,
  ProblemEntity,
  TicketItServiceEntity,
  // periodic service reviews
  ReviewEntity,
  ImprovementActionEntity,
];
