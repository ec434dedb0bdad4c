import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreatedWebhook, WebhookDeliveryView, WebhookView } from '@sigap/contracts';
import { Roles, SignedInUser, type AuthUser } from '@sigap/api-identity';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiAnswers } from '@sigap/api-common';

/** Webhooks, for administrators signed in as themselves (API tokens cannot manage them). */
@ApiTags('integrations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiAnswers('CreatedWebhook')
  create(@Body() body: CreateWebhookDto, @SignedInUser() user: AuthUser): Promise<CreatedWebhook> {
    return this.webhooks.create(body, user);
  }

  @Get()
  @ApiAnswers(['WebhookView'])
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  @Patch(':id')
  @ApiAnswers('WebhookView')
  update(
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
    @SignedInUser() user: AuthUser,
  ): Promise<WebhookView> {
    return this.webhooks.setActive(id, body.active, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiAnswers(null)
  remove(@Param('id') id: string, @SignedInUser() user: AuthUser): Promise<void> {
    return this.webhooks.remove(id, user);
  }

  @Get(':id/deliveries')
  @ApiAnswers(['WebhookDeliveryView'])
  deliveries(@Param('id') id: string): Promise<WebhookDeliveryView[]> {
    return this.webhooks.deliveries(id);
  }

  @Post(':id/deliveries/:delivery/redeliver')
  @HttpCode(200)
  @ApiAnswers('WebhookDeliveryView', { errors: [409] })
  redeliver(
    @Param('id') id: string,
    @Param('delivery') delivery: string,
    @SignedInUser() user: AuthUser,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(id, delivery, user);
  }
}
