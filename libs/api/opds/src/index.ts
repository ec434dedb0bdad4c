// The public face of the opds library: everything the app and other libraries use.
export * from './merge-contact.dto';
export * from './opd-error';
export * from './opd.dto';
export * from './opd.entity';
export * from './opds.controller';
export * from './opds.module';
export * from './opds.service';
export * from './requester-contact.entity';
