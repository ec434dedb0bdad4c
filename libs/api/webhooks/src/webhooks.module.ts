import { Global, Module } from '@nestjs/common';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookWorker } from './webhook-worker.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Webhooks: the subscriptions, the writer the rooms that change tickets call in their
 * transactions (global, like the outbox), and the worker that delivers.
 */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookWorker],
  exports: [WebhookOutbox, WebhookWorker],
})
export class WebhooksModule {}
