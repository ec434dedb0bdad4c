import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ChangeApprovalPolicyView,
  ChangeCalendarEntry,
  ChangeOutcomes,
  ChangeView,
  OpenChangeResponse,
} from '@sigap/contracts';
import { ApiAnswers, RequestValidationError } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { versionOf } from '@sigap/api-tickets';
import {
  ChangeApprovalPolicyDto,
  ChangeDecisionDto,
  ChangeIncidentsDto,
  ChangeRangeQuery,
  CloseChangeDto,
  ImplementChangeDto,
  OpenChangeDto,
  ReviewChangeDto,
  WithdrawChangeDto,
} from './change.dto';
import { ChangeLifecycleService } from './change-lifecycle.service';
import { ChangePolicyService } from './change-policy.service';
import { ChangeReadingService } from './change-reading.service';
import { ChangesService } from './changes.service';

const ORDER = new ParseIntPipe({
  exceptionFactory: () =>
    new RequestValidationError([{ path: 'order', message: 'harus berupa bilangan bulat' }]),
});

/**
 * Changes (perubahan). Opened here rather than on `POST /tickets`: a change takes IT services,
 * a risk, a rollback plan and a planned window, and its own number series. Its approvals and
 * outcome move only through these routes; replies and notes are the tickets' routes.
 */
@ApiTags('changes')
@ApiBearerAuth()
@Controller('v1/changes')
export class ChangesController {
  constructor(
    private readonly changes: ChangesService,
    private readonly lifecycle: ChangeLifecycleService,
    private readonly reading: ChangeReadingService,
    private readonly policies: ChangePolicyService,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @HttpCode(201)
  @ApiAnswers('OpenChangeResponse', { errors: [404, 422] })
  open(@SignedInUser() user: AuthUser, @Body() body: OpenChangeDto): Promise<OpenChangeResponse> {
    return this.changes.open(user, body);
  }

  /** Changes whose planned window meets [from, to), with the overlaps flagged. */
  @Get('calendar')
  @ApiAnswers(['ChangeCalendarEntry'])
  calendar(
    @SignedInUser() user: AuthUser,
    @Query() query: ChangeRangeQuery,
  ): Promise<ChangeCalendarEntry[]> {
    return this.reading.calendar(user, query);
  }

  /** Outcome counts of the changes implemented in [from, to) (success rate, incidents). */
  @Get('outcomes')
  @ApiAnswers('ChangeOutcomes')
  outcomes(
    @SignedInUser() user: AuthUser,
    @Query() query: ChangeRangeQuery,
  ): Promise<ChangeOutcomes> {
    return this.reading.outcomes(user, query);
  }

  @Get('approval-policy/:office')
  @ApiAnswers('ChangeApprovalPolicyView')
  policy(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
  ): Promise<ChangeApprovalPolicyView> {
    return this.policies.view(user, office);
  }

  @Put('approval-policy/:office')
  @Roles('admin', 'manager')
  @ApiAnswers('ChangeApprovalPolicyView')
  setPolicy(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Body() body: ChangeApprovalPolicyDto,
  ): Promise<ChangeApprovalPolicyView> {
    return this.policies.replace(user, office, body);
  }

  @Get(':number')
  @ApiAnswers('ChangeView', { errors: [409] })
  view(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<ChangeView> {
    return this.reading.view(user, number);
  }

  @Post(':number/approvals/:order/approve')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  approve(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('order', ORDER) order: number,
    @Body() body: ChangeDecisionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    const v = versionOf(body, ifMatch);
    return this.lifecycle.decide(user, number, v, order, 'approved', body.reason ?? null);
  }

  @Post(':number/approvals/:order/reject')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  reject(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('order', ORDER) order: number,
    @Body() body: ChangeDecisionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    const v = versionOf(body, ifMatch);
    return this.lifecycle.decide(user, number, v, order, 'rejected', body.reason ?? null);
  }

  @Post(':number/implement')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  implement(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: ImplementChangeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    return this.lifecycle.implement(user, number, versionOf(body, ifMatch), body);
  }

  @Post(':number/review')
  @Roles('admin', 'agent', 'manager')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  review(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: ReviewChangeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    return this.lifecycle.review(user, number, versionOf(body, ifMatch), body.note);
  }

  @Post(':number/close')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  close(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: CloseChangeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    return this.lifecycle.close(user, number, versionOf(body, ifMatch));
  }

  /** The change will not be made (before it is implemented), with the reason. */
  @Post(':number/withdraw')
  @Roles('admin', 'agent', 'manager')
  @HttpCode(200)
  @ApiAnswers('ChangeView', { errors: [409] })
  withdraw(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: WithdrawChangeDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    return this.lifecycle.withdraw(user, number, versionOf(body, ifMatch), body.reason);
  }

  /** Replaces the list of incidents the change caused. */
  @Put(':number/incidents')
  @Roles('admin', 'agent')
  @ApiAnswers('ChangeView', { errors: [409] })
  linkIncidents(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: ChangeIncidentsDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeView> {
    return this.lifecycle.linkIncidents(user, number, versionOf(body, ifMatch), body);
  }
}
