import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketResolvedHooks } from '@sigap/api-tickets';
import { SurveyService } from './survey.service';

/** A resolved ticket's requester gets the satisfaction survey invitation (once per ticket). */
@Injectable()
export class SurveyTicketHook implements OnModuleInit {
  constructor(
    private readonly hooks: TicketResolvedHooks,
    private readonly surveys: SurveyService,
  ) {}

  onModuleInit(): void {
    this.hooks.subscribe((manager, ticket, now) => this.surveys.invite(manager, ticket, now));
  }
}
