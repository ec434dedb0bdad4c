// The public face of the setup library: everything the app and other libraries use.
export * from './setup.controller';
export * from './setup.module';
export * from './setup.service';
