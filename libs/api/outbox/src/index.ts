// The public face of the outbox library: everything the app and other libraries use.
export * from './outbox-message';
export * from './outbox.entity';
export * from './outbox.module';
export * from './outbox.service';
export * from './outbox-claims';
