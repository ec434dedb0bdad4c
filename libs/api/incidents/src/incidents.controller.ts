import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IncidentView, TicketDetail } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { versionOf } from '@sigap/api-tickets';
import {
  ChangePriorityDto,
  LinkIncidentsDto,
  MajorIncidentUpdateDto,
  OpenIncidentDto,
  PublicNoticeDto,
  RootCauseDto,
  TriageToIncidentDto,
} from './incident.dto';
import { IncidentPublicNoticeService } from './incident-public-notice.service';
import { MajorIncidentsService } from './major-incidents.service';
import { IncidentPriorityService } from './incident-priority.service';
import { IncidentsService } from './incidents.service';
import { ApiAnswers } from '@sigap/api-common';

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
    private readonly major: MajorIncidentsService,
    private readonly notices: IncidentPublicNoticeService,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @HttpCode(201)
  @ApiAnswers('TicketDetail')
  open(@SignedInUser() user: AuthUser, @Body() body: OpenIncidentDto): Promise<TicketDetail> {
    return this.incidents.open(user, body);
  }

  /** A mail waiting in triage becomes an incident (it keeps its number). */
  @Post('from-triage/:number')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  fromTriage(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: TriageToIncidentDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.incidents.fromTriage(user, number, versionOf(body, ifMatch), body);
  }

  @Get(':number')
  @ApiAnswers('IncidentView')
  view(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<IncidentView> {
    return this.priorities.view(user, number);
  }

  /** New impact or urgency: priority and targets recomputed (audited, on the timeline). */
  @Put(':number/priority')
  @Roles('admin', 'agent')
  @ApiAnswers('TicketDetail', { errors: [409] })
  changePriority(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: ChangePriorityDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.priorities.changePriority(user, number, versionOf(body, ifMatch), body);
  }

  /** What caused it (null or empty clears it); on the timeline. */
  @Put(':number/root-cause')
  @Roles('admin', 'agent')
  @ApiAnswers('TicketDetail', { errors: [409, 428] })
  rootCause(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: RootCauseDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.major.rootCause(user, number, versionOf(body, ifMatch), body.rootCause ?? null);
  }

  /** Links reports of the same outage to this major incident (same office, open, one level). */
  @Post(':number/children')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 428] })
  link(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: LinkIncidentsDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.major.link(user, number, versionOf(body, ifMatch), body.children);
  }

  @Delete(':number/children/:child')
  @Roles('admin', 'agent')
  @ApiAnswers('TicketDetail', { errors: [409, 428] })
  unlink(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('child') child: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.major.unlink(user, number, versionOf({}, ifMatch), child);
  }

  /** One update mailed once to every reporter of the major incident and its linked reports. */
  @Post(':number/updates')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 428] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: MajorIncidentUpdateDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.major.postUpdate(user, number, versionOf(body, ifMatch), body.body);
  }

  /** The plain words the public status page shows for it (audited, on the timeline). */
  @Put(':number/public-notice')
  @Roles('admin', 'agent')
  @ApiAnswers('TicketDetail', { errors: [409, 428] })
  publicNotice(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: PublicNoticeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TicketDetail> {
    return this.notices.update(user, number, versionOf(body, ifMatch), body);
  }
}
