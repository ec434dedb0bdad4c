// The public face of the audit library: everything the app and other libraries use.
export * from './audit-entry.entity';
export * from './audit.module';
export * from './audit.service';
