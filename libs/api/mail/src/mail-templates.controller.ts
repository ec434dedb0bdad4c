import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MailPreview, MailTemplateSummary } from '@sigap/contracts';
import { IsIn } from 'class-validator';
import { Roles } from '@sigap/api-identity';
import { MailError } from './mail-error';
import { MailService } from './mail.service';
import { MAIL_LOCALES, type MailLocale } from './templates/helpers';
import { TEMPLATE_SAMPLES } from './delivery/kinds';
import { isMailTemplateName, type MailTemplateInput } from './templates/template-props';
import { IsOptionalNotNull, ApiAnswers } from '@sigap/api-common';

export class PreviewQuery {
  @IsOptionalNotNull()
  @IsIn(MAIL_LOCALES)
  locale?: MailLocale;
}

/** Zone and ticket of the previews (the sample data is a Bali ticket). */
const PREVIEW_ZONE = 'Asia/Makassar';
const PREVIEW_TICKET = 'BALI-2026-000042';

@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/mail/templates')
export class MailTemplatesController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiAnswers(['MailTemplateSummary'])
  list(): MailTemplateSummary[] {
    return this.mail.renderer.list();
  }

  @Get(':name/preview')
  @ApiAnswers('MailPreview')
  preview(@Param('name') name: string, @Query() query: PreviewQuery): MailPreview {
    if (!isMailTemplateName(name)) throw MailError.templateNotFound(name);
    const locale = query.locale ?? 'id';
    const input = { template: name, props: TEMPLATE_SAMPLES[name] } as MailTemplateInput;
    const ticket = name === 'password-reset' ? null : PREVIEW_TICKET;
    return { name, locale, ...this.mail.render(input, locale, PREVIEW_ZONE, ticket) };
  }
}
