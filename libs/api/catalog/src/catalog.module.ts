import { Module } from '@nestjs/common';
import { OfficesModule } from '@sigap/api-offices';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { SeedLoaderService } from './seed-loader.service';

@Module({
  imports: [OfficesModule],
  controllers: [CatalogController, ImportController],
  providers: [CatalogService, ImportService, SeedLoaderService],
  exports: [CatalogService, SeedLoaderService],
})
export class CatalogModule {}
