import {
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@sigap/api-identity';
import type { MailboxStatus } from './imap-poller';
import { ImapPollerService } from './imap-poller.service';
import { ApiAnswers } from '@sigap/api-common';

/** Status of the IMAP mailboxes (configured in `SIGAP_IMAP_MAILBOXES`); never shows passwords. */
@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/mailboxes')
export class MailboxesController {
  constructor(private readonly imap: ImapPollerService) {}

  @Get()
  @ApiAnswers(['MailboxStatusView'])
  list(): MailboxStatus[] {
    return this.imap.status();
  }

  @Get(':name')
  @ApiAnswers('MailboxStatusView')
  one(@Param('name') name: string): MailboxStatus {
    const found = this.imap.status().find((m) => m.name === name);
    if (!found) throw new NotFoundException(`Kotak surat "${name}" tidak ada di konfigurasi.`);
    return found;
  }

  /** Polls now instead of waiting for IDLE or the interval. */
  @Post(':name/poll')
  @HttpCode(202)
  @ApiAnswers('MailboxStatusView', { errors: [409] })
  poll(@Param('name') name: string): MailboxStatus {
    const found = this.one(name);
    const asked = this.imap.pollNow(name);
    if (asked.where === 'elsewhere') {
      throw new ConflictException(
        `Kotak surat "${name}" dipantau oleh instans ${asked.holder}; minta pemeriksaan di instans itu.`,
      );
    }
    if (asked.where === 'inactive' && found.enabled) {
      throw new ConflictException(
        `Kotak surat "${name}" belum dipantau instans mana pun; coba lagi sebentar lagi.`,
      );
    }
    if (asked.where === 'inactive') {
      throw new NotFoundException(`Kotak surat "${name}" tidak aktif (enabled: false).`);
    }
    return found;
  }
}
