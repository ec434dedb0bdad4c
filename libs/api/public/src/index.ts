// The public face of the public library: everything the app and other libraries use.
export * from './public-error';
export * from './public-standards.service';
export * from './public-status.service';
export * from './status-days';
export * from './public.controller';
export * from './public.module';
