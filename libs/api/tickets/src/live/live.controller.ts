import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  Put,
  Sse,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { PresenceView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import { IsBoolean } from 'class-validator';
import { interval, map, merge, Observable, takeUntil, timer } from 'rxjs';
import { LiveFeedService } from './live-feed.service';
import { PresenceService } from './presence.service';

/** A comment-like `ping` every so often keeps proxies from closing a quiet stream. */
const PING_MS = 25_000;
/**
 * A stream ends after this long and the console opens a new one: the session is checked again
 * (a signed-out or demoted user stops receiving) and no connection lives forever.
 */
export const STREAM_MAX_MS = 5 * 60 * 1000;

export class PresenceHeartbeatDto {
  @ApiProperty({ description: 'true while the user is writing a reply or a note' })
  @IsBoolean()
  typing!: boolean;
}

@ApiTags('live')
@ApiBearerAuth()
@Controller('v1')
export class LiveController {
  constructor(
    private readonly feed: LiveFeedService,
    private readonly presence: PresenceService,
  ) {}

  /**
   * Server-sent events: `ready` once every later change reaches the stream, then `ticket` for
   * each change to a ticket the user may read (any API instance), `ping` now and then. Signed in
   * with the bearer token as every console call (the console reads the stream with `fetch`).
   */
  @Sse('events')
  events(@SignedInUser() user: AuthUser): Observable<MessageEvent> {
    const changes = this.feed
      .events(user)
      .pipe(
        map((event): MessageEvent =>
          event ? { type: 'ticket', data: event } : { type: 'ready', data: {} },
        ),
      );
    const pings = interval(PING_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(timer(STREAM_MAX_MS)));
  }

  @Get('tickets/:number/presence')
  present(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
  ): Promise<PresenceView[]> {
    return this.presence.present(user, number);
  }

  /** The workspace's heartbeat: answers the others who have the ticket open. */
  @Put('tickets/:number/presence')
  @HttpCode(200)
  heartbeat(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: PresenceHeartbeatDto,
  ): Promise<PresenceView[]> {
    return this.presence.heartbeat(user, number, body.typing);
  }

  @Delete('tickets/:number/presence')
  @HttpCode(204)
  async leave(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<void> {
    await this.presence.leave(user, number);
  }
}
