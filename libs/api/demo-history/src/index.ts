// The public face of the demo-history library: everything the app and other libraries use.
export * from './demo-actions';
export * from './demo-complaints';
export * from './demo-history-model';
export * from './demo-history.module';
export * from './demo-history.service';
export * from './demo-pacing';
export * from './demo-requests';
export * from './demo-reviews';
export * from './demo-texts';
export * from './event-queue';
export * from './random';
