import { Module } from '@nestjs/common';
import { DashboardsModule } from '@sigap/api-dashboards';
import { ImprovementActionsController, ReviewsController } from './reviews.controller';
import { ReviewFiguresService } from './review-figures';
import { ReviewsService } from './reviews.service';

/** Periodic service reviews and improvement actions (insight layer: reads the dashboards). */
@Module({
  imports: [DashboardsModule],
  controllers: [ReviewsController, ImprovementActionsController],
  providers: [ReviewsService, ReviewFiguresService],
  exports: [ReviewsService, ReviewFiguresService],
})
export class ReviewsModule {}
