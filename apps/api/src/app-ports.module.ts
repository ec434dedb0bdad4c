import { Global, Module } from '@nestjs/common';
import { OfficeDirectory } from './identity/office-directory';
import { OutboxWriter } from './identity/outbox-writer';
import { OfficeDirectoryAdapter } from './offices/office-directory.adapter';
import { OfficesModule } from './offices/offices.module';
import { OutboxService } from './outbox/outbox.service';

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
