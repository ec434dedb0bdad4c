import { Module } from '@nestjs/common';
import { SurveyModule } from '@sigap/api-survey';
import { PublicController } from './public.controller';
import { PublicStandardsService } from './public-standards.service';
import { PublicStatusService } from './public-status.service';

/** The public page of service standards (compliance, IKM) and the IT services' status page. */
@Module({
  imports: [SurveyModule],
  controllers: [PublicController],
  providers: [PublicStandardsService, PublicStatusService],
})
export class PublicModule {}
