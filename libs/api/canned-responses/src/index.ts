// The public face of the canned-responses library: everything the app and other libraries use.
export * from './canned-response-error';
export * from './canned-response.dto';
export * from './canned-response.entity';
export * from './canned-responses.controller';
export * from './canned-responses.module';
export * from './canned-responses.service';
export * from './placeholders';
