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
import { ApiAnswers, ApiAnswersSchema } from '@sigap/api-common';
import { IsBoolean } from 'class-validator';
import { Observable } from 'rxjs';
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
  @ApiAnswersSchema(
    {
      type: 'string',
      description:
        'Aliran server-sent events: `event: ready`, `event: ticket` (data: LiveEvent sebagai JSON), `event: ping`.',
    },
    { contentType: 'text/event-stream', description: 'Aliran perubahan tiket yang boleh dibaca' },
  )
  events(@SignedInUser() user: AuthUser): Observable<MessageEvent> {
    return new Observable<MessageEvent>((stream) => {
      const changes = this.feed.events(user).subscribe({
        next: (event) =>
          stream.next(event ? { type: 'ticket', data: event } : { type: 'ready', data: {} }),
        complete: () => stream.complete(),
        error: (error: unknown) => stream.error(error),
      });
      const ping = setInterval(() => stream.next({ type: 'ping', data: {} }), PING_MS);
      const end = setTimeout(() => stream.complete(), STREAM_MAX_MS);
      return () => {
        clearInterval(ping);
        clearTimeout(end);
        changes.unsubscribe();
      };
    });
  }

  @Get('tickets/:number/presence')
  @ApiAnswers(['PresenceView'])
  present(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
  ): Promise<PresenceView[]> {
    return this.presence.present(user, number);
  }

  /** The workspace's heartbeat: answers the others who have the ticket open. */
  @Put('tickets/:number/presence')
  @HttpCode(200)
  @ApiAnswers(['PresenceView'])
  heartbeat(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: PresenceHeartbeatDto,
  ): Promise<PresenceView[]> {
    return this.presence.heartbeat(user, number, body.typing);
  }

  @Delete('tickets/:number/presence')
  @HttpCode(204)
  @ApiAnswers(null)
  async leave(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<void> {
    await this.presence.leave(user, number);
  }
}
