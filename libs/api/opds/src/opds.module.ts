import { Module } from '@nestjs/common';
import { OfficesModule } from '@sigap/api-offices';
import { ContactsController, OpdsController } from './opds.controller';
import { OpdsService } from './opds.service';

@Module({
  imports: [OfficesModule],
  controllers: [OpdsController, ContactsController],
  providers: [OpdsService],
  exports: [OpdsService],
})
export class OpdsModule {}
