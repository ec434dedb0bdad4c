import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { ThirdPartyMailService, type ThirdPartyDecisionView } from './third-party-mail.service';
import { ApiAnswers } from '@sigap/api-common';

/**
 * Mail held on a ticket because its sender is not a participant: the office's agents (and admins)
 * accept it as the requester's reply or dismiss it.
 */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets/:number/third-party-mail')
export class ThirdPartyMailController {
  constructor(private readonly thirdParty: ThirdPartyMailService) {}

  @Roles('agent', 'admin')
  @Post(':id/accept')
  @HttpCode(200)
  @ApiAnswers('ThirdPartyDecisionView', { errors: [409] })
  accept(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ThirdPartyDecisionView> {
    return this.thirdParty.decide(user, number, id, 'accept');
  }

  @Roles('agent', 'admin')
  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiAnswers('ThirdPartyDecisionView', { errors: [409] })
  dismiss(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ThirdPartyDecisionView> {
    return this.thirdParty.decide(user, number, id, 'dismiss');
  }
}
