import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { Calendars1763900100000 } from './1763900100000-calendars';
import { Tickets1763900200000 } from './1763900200000-tickets';
import { MailDelivery1763900300000 } from './1763900300000-mail-delivery';
import { ContactBounces1763900600000 } from './1763900600000-contact-bounces';
import { FirstResponseAlertsAndContacts1763900700000 } from './1763900700000-first-response-alerts-and-contacts';
import { InboundThreadingIndex1763900800000 } from './1763900800000-inbound-threading-index';
import { TriageAndMailboxes1763900900000 } from './1763900900000-triage-and-mailboxes';
import { Dashboards1763901000000 } from './1763901000000-dashboards';
import { Survey1763901100000 } from './1763901100000-survey';
import { Complaints1763901200000 } from './1763901200000-complaints';
import { Portal1763901300000 } from './1763901300000-portal';
import { CannedResponses1763901400000 } from './1763901400000-canned-responses';
import { MailboxMessageFailures1763901600000 } from './1763901600000-mailbox-message-failures';
import { OfficeSigner1763901700000 } from './1763901700000-office-signer';
import { SharedLimitsAndLeases1763901800000 } from './1763901800000-shared-limits-and-leases';
import { QueueOfficeDueIndex1763901900000 } from './1763901900000-queue-office-due-index';
import { SessionRevocationAndContactMerge1763902100000 } from './1763902100000-session-revocation-and-contact-merge';
import { UploadQuotaAndMailRetention1763902300000 } from './1763902300000-upload-quota-and-mail-retention';
import { DemoHistory1763902600000 } from './1763902600000-demo-history';
import { OutboxRecipientSentIndex1763902350000 } from './1763902350000-outbox-recipient-sent-index';
import { ImapMailboxLeases1763902400000 } from './1763902400000-imap-mailbox-leases';
import { OfficeOnboarding1763902500000 } from './1763902500000-office-onboarding';
import { UnconfirmedClosures1763902520000 } from './1763902520000-unconfirmed-closures';
import { ComplaintTiers1763902650000 } from './1763902650000-complaint-tiers';
import { SurveyRespondentProfile1763902660000 } from './1763902660000-survey-respondent-profile';
import { StepOwnersFollowUps1763902700000 } from './1763902700000-step-owners-follow-ups';
import { ApiTokensAndWebhooks1763902800000 } from './1763902800000-api-tokens-and-webhooks';
import { ItServicesIncidents1763902850000 } from './1763902850000-it-services-incidents';
import { TicketSearch1763903000000 } from './1763903000000-ticket-search';
import { TimelineLongText1763903100000 } from './1763903100000-timeline-long-text';
import { MajorIncidentsProblems1763903200000 } from './1763903200000-major-incidents-problems';
import { IncidentPublicNotice1763903300000 } from './1763903300000-incident-public-notice';
import { Changes1763903400000 } from './1763903400000-changes';
import { SingleSignOn1763903500000 } from './1763903500000-single-sign-on';
import { LiveUpdates1763903600000 } from './1763903600000-live-updates';
import { LaporInbound1763903700000 } from './1763903700000-lapor-inbound';
import { ServiceReviews1763903800000 } from './1763903800000-service-reviews';

/** All migrations in order; listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  Calendars1763900100000,
  Tickets1763900200000,
  MailDelivery1763900300000,
  ContactBounces1763900600000,
  FirstResponseAlertsAndContacts1763900700000,
  InboundThreadingIndex1763900800000,
  TriageAndMailboxes1763900900000,
  Dashboards1763901000000,
  Survey1763901100000,
  Complaints1763901200000,
  Portal1763901300000,
  CannedResponses1763901400000,
  MailboxMessageFailures1763901600000,
  OfficeSigner1763901700000,
  SharedLimitsAndLeases1763901800000,
  QueueOfficeDueIndex1763901900000,
  SessionRevocationAndContactMerge1763902100000,
  UploadQuotaAndMailRetention1763902300000,
  OutboxRecipientSentIndex1763902350000,
  ImapMailboxLeases1763902400000,
  OfficeOnboarding1763902500000,
  UnconfirmedClosures1763902520000,
  DemoHistory1763902600000,
  ComplaintTiers1763902650000,
  SurveyRespondentProfile1763902660000,
  StepOwnersFollowUps1763902700000,
  ApiTokensAndWebhooks1763902800000,
  ItServicesIncidents1763902850000,
  TicketSearch1763903000000,
  TimelineLongText1763903100000,
  MajorIncidentsProblems1763903200000,
  IncidentPublicNotice1763903300000,
  Changes1763903400000,
  SingleSignOn1763903500000,
  LiveUpdates1763903600000,
  LaporInbound1763903700000,
  ServiceReviews1763903800000,
];
