import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MailboxTestResult, MailboxView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import {
  CreateMailboxDto,
  MailboxListQuery,
  MailboxVersionDto,
  UpdateMailboxDto,
} from './mailbox.dto';
import { MailboxesService } from './mailboxes.service';
import { ApiAnswers } from '@sigap/api-common';

/**
 * IMAP mailboxes per office, administered in the console (admin only). Passwords are accepted
 * but never returned; mailboxes from `SIGAP_IMAP_MAILBOXES` are listed read-only.
 */
@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/mailboxes')
export class MailboxAdminController {
  constructor(private readonly mailboxes: MailboxesService) {}

  @Get()
  @ApiAnswers(['MailboxView'])
  list(@Query() query: MailboxListQuery): Promise<MailboxView[]> {
    return this.mailboxes.list(query.office);
  }

  @Post()
  @ApiAnswers('MailboxView', { errors: [409] })
  create(@Body() body: CreateMailboxDto, @SignedInUser() user: AuthUser): Promise<MailboxView> {
    return this.mailboxes.create(body, user.id);
  }

  @Get(':id')
  @ApiAnswers('MailboxView')
  get(@Param('id') id: string): Promise<MailboxView> {
    return this.mailboxes.get(id);
  }

  @Patch(':id')
  @ApiAnswers('MailboxView', { errors: [409] })
  update(
    @Param('id') id: string,
    @Body() body: UpdateMailboxDto,
    @SignedInUser() user: AuthUser,
  ): Promise<MailboxView> {
    return this.mailboxes.update(id, body, user.id);
  }

  /** Stops polling the mailbox; its settings and status stay. */
  @Post(':id/disable')
  @HttpCode(200)
  @ApiAnswers('MailboxView', { errors: [409] })
  disable(
    @Param('id') id: string,
    @Body() body: MailboxVersionDto,
    @SignedInUser() user: AuthUser,
  ): Promise<MailboxView> {
    return this.mailboxes.update(
      id,
      { expectedVersion: body.expectedVersion, enabled: false },
      user.id,
    );
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiAnswers('MailboxView', { errors: [409] })
  enable(
    @Param('id') id: string,
    @Body() body: MailboxVersionDto,
    @SignedInUser() user: AuthUser,
  ): Promise<MailboxView> {
    return this.mailboxes.update(
      id,
      { expectedVersion: body.expectedVersion, enabled: true },
      user.id,
    );
  }

  /** Gives the messages held after failing every attempt one more try, at once. */
  @Post(':id/release-held')
  @HttpCode(200)
  @ApiAnswers('MailboxView')
  releaseHeld(@Param('id') id: string, @SignedInUser() user: AuthUser): Promise<MailboxView> {
    return this.mailboxes.releaseHeld(id, user.id);
  }

  /** Deletes the held messages from the mailbox (their poller does so at its next round). */
  @Post(':id/discard-held')
  @HttpCode(200)
  @ApiAnswers('MailboxView')
  discardHeld(@Param('id') id: string, @SignedInUser() user: AuthUser): Promise<MailboxView> {
    return this.mailboxes.discardHeld(id, user.id);
  }

  /** Logs in with the stored settings and counts the folder's messages; changes nothing. */
  @Post(':id/test')
  @HttpCode(200)
  @ApiAnswers('MailboxTestResult')
  test(@Param('id') id: string): Promise<MailboxTestResult> {
    return this.mailboxes.test(id);
  }
}
