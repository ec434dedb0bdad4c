import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  NotificationPage,
  NotificationPreferences,
  NotificationReadResult,
} from '@sigap/contracts';
import { ApiAnswers } from '@sigap/api-common';
import { type AuthUser, SignedInUser } from '@sigap/api-identity';
import { MarkReadDto, NotificationListQuery, PreferencesDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

/** The signed-in user's own bell: nobody reads or marks another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiAnswers('NotificationPage')
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: NotificationListQuery,
  ): Promise<NotificationPage> {
    return this.notifications.list(user, query);
  }

  @Post('read')
  @HttpCode(200)
  @ApiAnswers('NotificationReadResult')
  read(@SignedInUser() user: AuthUser, @Body() body: MarkReadDto): Promise<NotificationReadResult> {
    return this.notifications.markRead(user, body);
  }

  @Get('preferences')
  @ApiAnswers('NotificationPreferences')
  preferences(@SignedInUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.notifications.preferences(user);
  }

  @Put('preferences')
  @ApiAnswers('NotificationPreferences')
  setPreferences(
    @SignedInUser() user: AuthUser,
    @Body() body: PreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(user, body.channels);
  }
}
