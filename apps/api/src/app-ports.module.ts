import { Global, Module } from '@nestjs/common';
import { OutboxWriter } from './identity/outbox-writer';
import { OutboxService } from './outbox/outbox.service';

/**
 * Binds the ports a lower folder declares to the higher folder that implements them, so the
 * lower folder never imports the higher one.
 */
@Global()
@Module({
  providers: [{ provide: OutboxWriter, useExisting: OutboxService }],
  exports: [OutboxWriter],
})
export class AppPortsModule {}
