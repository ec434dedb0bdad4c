import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IncidentView, TicketDetail } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { versionOf } from '@sigap/api-tickets';
import {
  ChangePriorityDto,
  OpenIncidentDto,
  PublicNoticeDto,
  TriageToIncidentDto,
} from './incident.dto';
import { IncidentPublicNoticeService } from './incident-public-notice.service';
import { IncidentPriorityService } from './incident-priority.service';
import { IncidentsService } from './incidents.service';

/**
 * Incidents (gangguan). Opened here rather than on `POST /tickets` with a kind: an incident takes
 * impact, urgency and affected IT services instead of a catalog service, and its own number
 * series. Everything else (reply, wait on the reporter, resolve, close, the queue) is the
 * tickets' routes, as for any ticket.
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly priorities: IncidentPriorityService,
    private readonly notices: IncidentPublicNoticeService,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @HttpCode(201)
  open(@SignedInUser() user: AuthUser, @Body() body: OpenIncidentDto): Promise<TicketDetail> {
    return this.incidents.open(user, body);
  }

  /** A mail waiting in triage becomes an incident (it keeps its number). */
  @Post('from-triage/:number')
  @Roles('admin', 'agent')
  @HttpCode(200)
  fromTriage(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: TriageToIncidentDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.incidents.fromTriage(user, number, versionOf(body, ifMatch), body);
  }

  @Get(':number')
  view(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<IncidentView> {
    return this.priorities.view(user, number);
  }

  /** New impact or urgency: priority and targets recomputed (audited, on the timeline). */
  @Put(':number/priority')
  @Roles('admin', 'agent')
  changePriority(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: ChangePriorityDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.priorities.changePriority(user, number, versionOf(body, ifMatch), body);
  }

  /** The plain words the public status page shows for it (audited, on the timeline). */
  @Put(':number/public-notice')
  @Roles('admin', 'agent')
  publicNotice(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: PublicNoticeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.notices.update(user, number, versionOf(body, ifMatch), body);
  }
}
