// The public face of the notifications library: everything the app and other libraries use.
export * from './digest-time';
export * from './mentions';
export * from './notification-digest.service';
export * from './notification-error';
export * from './notification-rules';
export * from './notification-writer';
export * from './notification.dto';
export * from './notification.entity';
export * from './notifications.controller';
export * from './notifications.module';
export * from './notifications.service';
