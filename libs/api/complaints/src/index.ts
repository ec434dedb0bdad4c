// The public face of the complaints library: everything the app and other libraries use.
export * from './complaint-error';
export * from './complaint-kind';
export * from './complaint-labels';
export * from './complaint-mail-router';
export * from './complaint-standard';
export * from './complaint-text';
export * from './complaint-tier.dto';
export * from './complaint-tier.entity';
export * from './complaint-tiers.service';
export * from './complaint-view';
export * from './complaint.dto';
export * from './complaint.entity';
export * from './complaints.controller';
export * from './complaints.module';
export * from './complaints.service';
// The lease moved to the database room; kept here for the rooms that import it from complaints.
export { JobLease } from '@sigap/api-database';
export * from './lapor/fake-lapor.gateway';
export * from './lapor/http-lapor.gateway';
export * from './lapor/lapor-gateway';
export * from './lapor/lapor-pull.scheduler';
export * from './lapor/lapor-sync.service';
export * from './lapor/lapor-closing.service';
export * from './lapor/lapor-inbound.service';
export * from './lapor/lapor-outbound';
export * from './lapor/lapor-outbox.worker';
export * from './lapor/lapor-text';
export * from './lapor/lapor.controller';
