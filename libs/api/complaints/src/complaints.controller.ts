import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ComplaintTierList,
  ComplaintView,
  FileComplaintResponse,
  LaporPullResponse,
} from '@sigap/contracts';
import type { Request } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { Public, Roles, SignedInUser, TokenScope } from '@sigap/api-identity';
import { AgentComplaintDto, FileComplaintDto } from './complaint.dto';
import { ComplaintTierListDto } from './complaint-tier.dto';
import { ComplaintTiersService } from './complaint-tiers.service';
import { ComplaintsService } from './complaints.service';
import { LaporSyncService } from './lapor/lapor-sync.service';
import { ApiAnswers } from '@sigap/api-common';

/** The public complaint form (no sign-in). */
@ApiTags('public')
@Controller('v1/public/complaints')
export class PublicComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiAnswers('FileComplaintResponse', { errors: [422, 429] })
  file(@Body() body: FileComplaintDto, @Req() req: Request): Promise<FileComplaintResponse> {
    return this.complaints.filePublic(body, req.ip ?? req.socket.remoteAddress ?? '?');
  }
}

/** Complaints for the office's staff: record one, read its facts, SP4N-LAPOR!. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly lapor: LaporSyncService,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @HttpCode(201)
  @ApiAnswers('FileComplaintResponse', { errors: [422] })
  file(
    @SignedInUser() user: AuthUser,
    @Body() body: AgentComplaintDto,
  ): Promise<FileComplaintResponse> {
    const { channel, website: _ignored, ...input } = body;
    void _ignored;
    return this.complaints.fileByAgent(user, input, channel);
  }

  @Get(':number')
  @TokenScope('complaints:read')
  @ApiAnswers('ComplaintView')
  view(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<ComplaintView> {
    return this.complaints.view(user, number);
  }

  @Post(':number/lapor/forward')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('ComplaintView', { errors: [409] })
  forward(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<ComplaintView> {
    return this.lapor.forwardToLapor(user, number);
  }

  @Post(':number/lapor/pull')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('LaporPullResponse', { errors: [409] })
  pull(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
  ): Promise<LaporPullResponse> {
    return this.lapor.pullFromLapor(user, number);
  }
}

/** The complaint tiers an office publishes: read by its staff, set by admins (audited). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1/complaint-tiers')
export class ComplaintTiersController {
  constructor(private readonly tiers: ComplaintTiersService) {}

  @Get(':office')
  @ApiAnswers('ComplaintTierList')
  list(@Param('office') office: string): Promise<ComplaintTierList> {
    return this.tiers.list(office);
  }

  /** Replaces the office's list; an empty list goes back to the default (SP4N-LAPOR!, 5 days). */
  @Put(':office')
  @Roles('admin')
  @ApiAnswers('ComplaintTierList')
  replace(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Body() body: ComplaintTierListDto,
  ): Promise<ComplaintTierList> {
    return this.tiers.replace(user, office, body.tiers);
  }
}
