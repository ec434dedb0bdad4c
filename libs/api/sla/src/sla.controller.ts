import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ServicePreviewResponse, SlaPreviewResponse } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import { ServicePreviewDto, SlaPreviewDto } from './sla.dto';
import { SlaPreviewService } from './sla-preview.service';
import { ApiAnswers } from '@sigap/api-common';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/sla')
export class SlaController {
  constructor(private readonly previews: SlaPreviewService) {}

  /** Target and limit of one duration started at an instant, in the office's calendar. */
  @Post('preview')
  @HttpCode(200)
  @ApiAnswers('SlaPreviewResponse')
  preview(
    @SignedInUser() user: AuthUser,
    @Body() body: SlaPreviewDto,
  ): Promise<SlaPreviewResponse> {
    return this.previews.preview(user, body);
  }

  /** Total and per-step due dates of a service received at `start` (default now). */
  @Post('preview/service')
  @HttpCode(200)
  @ApiAnswers('ServicePreviewResponse')
  previewService(
    @SignedInUser() user: AuthUser,
    @Body() body: ServicePreviewDto,
  ): Promise<ServicePreviewResponse> {
    return this.previews.previewService(user, body);
  }
}
