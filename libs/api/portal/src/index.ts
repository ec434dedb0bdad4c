// The public face of the portal library: everything the app and other libraries use.
export * from './cookies';
export * from './portal-auth.service';
export * from './portal-error';
export * from './portal-session.guard';
export * from './portal.controller';
export * from './portal.dto';
export * from './portal.entities';
export * from './portal.module';
export * from './portal.service';
export * from './upload-quota';
