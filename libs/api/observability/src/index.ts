// The public face of the observability library: everything the app and other libraries use.
export * from './http-metrics';
export * from './logging';
export * from './metrics.controller';
export * from './metrics.service';
export * from './observability.module';
