// The public face of the sla library: everything the app and other libraries use.
export * from './instants';
export * from './sla-error';
export * from './sla-preview.service';
export * from './sla.controller';
export * from './sla.dto';
export * from './sla.module';
