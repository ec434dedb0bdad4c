import { Global, Module } from '@nestjs/common';
import { OfficeDirectory } from '@sigap/api-identity';
import { OutboxWriter } from '@sigap/api-identity';
import { OfficeDirectoryAdapter } from '@sigap/api-offices';
import { OfficesModule } from '@sigap/api-offices';
import { OutboxService } from '@sigap/api-outbox';

/**
 * Binds the ports a lower folder declares to the higher folder that implements them, so the
 * lower folder never imports the higher one.
 */
@Global()
@Module({
  imports: [OfficesModule],
  providers: [
    { provide: OutboxWriter, useExisting: OutboxService },
    { provide: OfficeDirectory, useExisting: OfficeDirectoryAdapter },
  ],
  exports: [OutboxWriter, OfficeDirectory],
})
export class AppPortsModule {}
