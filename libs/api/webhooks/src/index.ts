// The public face of the webhooks library: everything the app and other libraries use.
export * from './address-policy';
export * from './webhook-error';
export * from './webhook-outbox';
export * from './webhook-sender';
export * from './webhook-worker.service';
export * from './webhook.dto';
export * from './webhook.entity';
export * from './webhooks.controller';
export * from './webhooks.module';
export * from './webhooks.service';
