// The public face of the attachments library: everything the app and other libraries use.
export * from './attachment-error';
export * from './attachment-store';
export * from './attachment.entity';
export * from './attachments-ticket-files';
export * from './attachments.controller';
export * from './attachments.module';
export * from './attachments.service';
export * from './orphan-cleanup';
export * from './sniff';
export * from './upload.interceptor';
export * from './object-store';
export * from './s3-object-store';
export * from './storage';
export * from './folder-store';
export * from './local-file-store';
export * from './store-sweep';
