// The public face of the config library: everything the app and other libraries use.
export * from './app-config';
export * from './complaint-settings';
export * from './config.module';
export * from './database-settings';
export { ConfigError, type Env } from './env-values';
export * from './imap-settings';
export * from './mail-settings';
export * from './mail-tls-policy';
export * from './security-settings';
export * from './setting-names';
export * from './sso-settings';
export * from './storage-settings';
