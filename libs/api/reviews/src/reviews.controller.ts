import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ImprovementActionDetail,
  ImprovementActionOwnerOptions,
  ImprovementActionView,
  ReviewFiguresSnapshot,
  ReviewView,
} from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { ApiAnswers } from '@sigap/api-common';
import {
  CreateImprovementActionDto,
  CreateReviewDto,
  ImprovementActionListQuery,
  OwnerOptionsQuery,
  ReviewFiguresQuery,
  ReviewListQuery,
  UpdateImprovementActionDto,
  UpdateReviewDto,
} from './review.dto';
import { ReviewsService } from './reviews.service';

/** Review meetings of the office: read by its managers and agents, recorded by its managers. */
@ApiTags('reviews')
@ApiBearerAuth()
@Roles('admin', 'manager', 'agent')
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiAnswers(['ReviewView'])
  list(@SignedInUser() user: AuthUser, @Query() q: ReviewListQuery): Promise<ReviewView[]> {
    return this.reviews.listReviews(user, q);
  }

  /** The dashboard figures a review of these months would keep (managers, admins). */
  @Get('figures')
  @ApiAnswers('ReviewFiguresSnapshot')
  figures(
    @SignedInUser() user: AuthUser,
    @Query() q: ReviewFiguresQuery,
  ): Promise<ReviewFiguresSnapshot> {
    return this.reviews.previewFigures(user, q.office, q.from, q.to);
  }

  @Get(':id')
  @ApiAnswers('ReviewView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<ReviewView> {
    return this.reviews.getReview(user, id);
  }

  @Post()
  @HttpCode(201)
  @ApiAnswers('ReviewView')
  create(@SignedInUser() user: AuthUser, @Body() body: CreateReviewDto): Promise<ReviewView> {
    return this.reviews.createReview(user, body);
  }

  @Put(':id')
  @ApiAnswers('ReviewView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateReviewDto,
  ): Promise<ReviewView> {
    return this.reviews.updateReview(user, id, body);
  }
}

/** Improvement actions of the office, with owners, due dates and their status history. */
@ApiTags('reviews')
@ApiBearerAuth()
@Roles('admin', 'manager', 'agent')
@Controller('v1/improvement-actions')
export class ImprovementActionsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiAnswers(['ImprovementActionView'])
  list(
    @SignedInUser() user: AuthUser,
    @Query() q: ImprovementActionListQuery,
  ): Promise<ImprovementActionView[]> {
    return this.reviews.listActions(user, q);
  }

  /** The office's users and positions an action may be given to. */
  @Get('owners')
  @ApiAnswers('ImprovementActionOwnerOptions')
  owners(
    @SignedInUser() user: AuthUser,
    @Query() q: OwnerOptionsQuery,
  ): Promise<ImprovementActionOwnerOptions> {
    return this.reviews.ownerOptions(user, q.office);
  }

  @Get(':id')
  @ApiAnswers('ImprovementActionDetail')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<ImprovementActionDetail> {
    return this.reviews.getAction(user, id);
  }

  @Post()
  @HttpCode(201)
  @ApiAnswers('ImprovementActionDetail')
  create(
    @SignedInUser() user: AuthUser,
    @Body() body: CreateImprovementActionDto,
  ): Promise<ImprovementActionDetail> {
    return this.reviews.createAction(user, body);
  }

  @Put(':id')
  @ApiAnswers('ImprovementActionDetail', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateImprovementActionDto,
  ): Promise<ImprovementActionDetail> {
    return this.reviews.updateAction(user, id, body);
  }
}
