import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type {
  StepCandidateView,
  TicketAssigneeView,
  TicketDetail,
  TicketPage,
  TimelineEntryView,
} from '@sigap/contracts';
import { IsString, MaxLength } from 'class-validator';
import { RequestValidationError, ApiAnswers } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser, TokenScope } from '@sigap/api-identity';
import {
  AssignDto,
  ChecklistActionDto,
  ChooseServiceDto,
  CompleteStepDto,
  ListTicketsQuery,
  OpenTicketDto,
  OptionalReasonDto,
  ReasonDto,
  ReplyDto,
  TextDto,
  VersionedDto,
} from './ticket.dto';
import { TicketActionsService } from './ticket-actions.service';
import { TicketListService } from './ticket-list.service';
import { TicketActingService } from './ticket-acting.service';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketReadingService } from './ticket-reading.service';
import { TriageService } from './triage.service';
import { IsOptionalNotNull, SingleLine } from '@sigap/api-common';

/** `GET /tickets/assignees`: an admin names the office; others get their own. */
export class AssigneesQuery {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;
}

const ORDER = new ParseIntPipe({
  exceptionFactory: () =>
    new RequestValidationError([{ path: 'order', message: 'harus berupa bilangan bulat' }]),
});

/** `expectedVersion` from the body, else from `If-Match` ("3", W/"3"); null when neither. */
export function versionOf(body: VersionedDto, ifMatch?: string): number | null {
  if (body.expectedVersion !== undefined) return body.expectedVersion;
  if (!ifMatch) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!m)
    throw new RequestValidationError([
      { path: 'If-Match', message: 'harus berisi versi tiket, mis. "3"' },
    ]);
  return Number(m[1]);
}

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets')
export class TicketsController {
  constructor(
    private readonly opening: TicketOpeningService,
    private readonly reading: TicketReadingService,
    private readonly acting: TicketActingService,
    private readonly actions: TicketActionsService,
    private readonly lists: TicketListService,
    private readonly triage: TriageService,
  ) {}

  @Get()
  @TokenScope('tickets:read')
  @ApiAnswers('TicketPage')
  list(@SignedInUser() user: AuthUser, @Query() query: ListTicketsQuery): Promise<TicketPage> {
    return this.lists.list(user, query);
  }

  /** The office's active helpdesk agents, for the queue's assign dialog. */
  @Get('assignees')
  @ApiAnswers(['TicketAssigneeView'])
  assignees(
    @SignedInUser() user: AuthUser,
    @Query() query: AssigneesQuery,
  ): Promise<TicketAssigneeView[]> {
    return this.lists.assignees(user, query.office);
  }

  @Post()
  @TokenScope('tickets:write')
  @ApiAnswers('TicketDetail', { errors: [422] })
  open(@SignedInUser() user: AuthUser, @Body() body: OpenTicketDto): Promise<TicketDetail> {
    return this.opening.open(user, body);
  }

  @Get(':number')
  @TokenScope('tickets:read')
  @ApiAnswers('TicketDetail')
  get(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<TicketDetail> {
    return this.reading.detail(user, number);
  }

  @Get(':number/timeline')
  @TokenScope('tickets:read')
  @ApiAnswers(['TimelineEntryView'])
  timeline(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
  ): Promise<TimelineEntryView[]> {
    return this.reading.timeline(user, number);
  }

  @Post(':number/assign')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  assign(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: AssignDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.assign(u, n, versionOf(b, m), b.userId);
  }

  @Post(':number/checklist/:item/receive')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  receive(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('item') item: string,
    @Body() b: ChecklistActionDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.checklist(u, n, versionOf(b, m), item, 'received', null, b.attachmentIds);
  }

  @Post(':number/checklist/:item/verify')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  verify(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('item') item: string,
    @Body() b: ChecklistActionDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.checklist(u, n, versionOf(b, m), item, 'verified', null, b.attachmentIds);
  }

  @Post(':number/checklist/:item/reject')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  reject(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('item') item: string,
    @Body() b: ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.checklist(u, n, versionOf(b, m), item, 'rejected', b.reason);
  }

  @Post(':number/return-to-requester')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  returnToRequester(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.returnToRequester(u, n, versionOf(b, m), b.reason);
  }

  @Post(':number/requester-answered')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  requesterAnswered(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: OptionalReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.requesterAnswered(u, n, versionOf(b, m), b.reason ?? null);
  }

  @Post(':number/steps/:order/complete')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  completeStep(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('order', ORDER) order: number,
    @Body() b: CompleteStepDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.completeStep(
      u,
      n,
      versionOf(b, m),
      order,
      b.output ?? null,
      b.attachmentId ?? null,
    );
  }

  @Get(':number/steps/:order/candidates')
  @ApiAnswers(['StepCandidateView'])
  candidates(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('order', ORDER) order: number,
  ): Promise<StepCandidateView[]> {
    return this.reading.candidates(u, n, order);
  }

  @Post(':number/steps/:order/assign')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  assignStep(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Param('order', ORDER) order: number,
    @Body() b: AssignDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.assignStep(u, n, versionOf(b, m), order, b.userId);
  }

  @Post(':number/resolve')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  resolve(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: OptionalReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.resolve(u, n, versionOf(b, m), b.reason ?? null);
  }

  @Post(':number/close')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  close(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: VersionedDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.close(u, n, versionOf(b, m));
  }

  @Post(':number/reopen')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  reopen(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.reopen(u, n, versionOf(b, m), b.reason);
  }

  @Post(':number/cancel')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  cancel(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.cancel(u, n, versionOf(b, m), b.reason);
  }

  /** Triage: the service of a ticket opened from e-mail (copies its documents and steps). */
  @Post(':number/service')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  chooseService(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ChooseServiceDto,
    @Headers('if-match') m?: string,
  ) {
    return this.triage.chooseService(u, n, versionOf(b, m), b.serviceCode.trim());
  }

  /** Triage: the mail is not a service request; the ticket is cancelled with the reason. */
  @Post(':number/reject-request')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  rejectRequest(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    return this.triage.rejectAsNotRequest(u, n, versionOf(b, m), b.reason);
  }

  @Post(':number/notes')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  note(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: TextDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.note(u, n, versionOf(b, m), b.body);
  }

  @Post(':number/replies')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  reply(
    @SignedInUser() u: AuthUser,
    @Param('number') n: string,
    @Body() b: ReplyDto,
    @Headers('if-match') m?: string,
  ) {
    return this.actions.reply(u, n, versionOf(b, m), b.body, b.attachmentIds ?? []);
  }

  @Post(':number/sla/recompute')
  @Roles('admin')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409] })
  recompute(@SignedInUser() u: AuthUser, @Param('number') n: string) {
    return this.acting.recompute(u, n);
  }
}
