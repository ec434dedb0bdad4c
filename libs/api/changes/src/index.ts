// The public face of the changes library: everything the app and other libraries use.
export * from './access';
export * from './change-error';
export * from './change-kind';
export * from './change-lifecycle.service';
export * from './change-policy.service';
export * from './change-reading.service';
export * from './change-standard';
export * from './change.dto';
export * from './change.entity';
export * from './changes.controller';
export * from './changes.module';
export * from './changes.service';
