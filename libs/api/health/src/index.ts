// The public face of the health library: everything the app and other libraries use.
export * from './health.controller';
export * from './health.module';
export * from './health.service';
export * from './readiness-checks';
