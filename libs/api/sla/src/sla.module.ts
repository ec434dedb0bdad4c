import { Module } from '@nestjs/common';
import { CatalogModule } from '@sigap/api-catalog';
import { SlaController } from './sla.controller';
import { SlaPreviewService } from './sla-preview.service';

/** SLA endpoints over the office calendars (`CalendarProvider`, global) and the catalog. */
@Module({
  imports: [CatalogModule],
  controllers: [SlaController],
  providers: [SlaPreviewService],
})
export class SlaModule {}
