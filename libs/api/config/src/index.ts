// The public face of the config library: everything the app and other libraries use.
export * from './app-config';
export * from './config.module';
export * from './imap-settings';
export * from './mail-tls-policy';
export * from './storage-settings';
