import { Module } from '@nestjs/common';
import { SurveyModule } from '@sigap/api-survey';
import { PublicController } from './public.controller';
import { PublicStandardsService } from './public-standards.service';

/** The public page of service standards, with each office's compliance and IKM. */
@Module({
  imports: [SurveyModule],
  controllers: [PublicController],
  providers: [PublicStandardsService],
})
export class PublicModule {}
