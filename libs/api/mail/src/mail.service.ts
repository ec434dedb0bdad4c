import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { makeMarker } from '@sigap/mail-threading';
import { AppConfig } from '@sigap/api-config';
import type { MailAttachment } from './delivery/mail-attachments';
import { resolveMarkerSecret } from '@sigap/api-identity';
import { mailFromAddress, mailDomain } from './mail-settings';
import { buildMailMessage, TEMPLATE_KIND, type BuiltMessage } from './message/build-message';
import type { MailLocale } from './templates/helpers';
import { TEMPLATE_SAMPLES } from './delivery/kinds';
import { MailRenderer } from './templates/mail-renderer';
import type { MailTemplateInput, RenderedMail } from './templates/template-props';
import { createMailSender, type MailSender, type SendResult } from './transport/mail-transport';

/** Everything needed to turn a template into a message for one set of recipients. */
export interface ComposeRequest {
  mail: MailTemplateInput;
  locale: MailLocale;
  /** The office's IANA zone. */
  timeZone: string;
  to: string[];
  cc?: string[];
  /** The office's helpdesk mailbox; null to let replies go to the From address. */
  replyTo: string | null;
  /** 4-32 lowercase letters/digits, stable per message (the outbox row), so retries keep the ID. */
  nonce: string;
  /** Null only for mail about no ticket (password reset). */
  thread: { ticketNumber: string; seq: number; threadMessageIds: string[] } | null;
  /** Overrides whether it is marked Auto-Submitted (default: all but a person's reply). */
  automatic?: boolean;
  /** Files carried by the message (an agent's reply). */
  attachments?: MailAttachment[];
}

/** Renders, builds and sends outgoing mail; owns the one SMTP (or keep) transport. */
@Injectable()
export class MailService implements OnModuleDestroy {
  readonly renderer = new MailRenderer(TEMPLATE_SAMPLES);
  readonly sender: MailSender;
  private readonly domain: string;
  private readonly markerSecret: string;
  private readonly log = new Logger('Mail');

  constructor(private readonly config: AppConfig) {
    mailFromAddress(config.mailFrom);
    this.domain = mailDomain(config);
    this.markerSecret = resolveMarkerSecret(config);
    this.sender = createMailSender(config);
    this.log.log(`pengiriman e-mail: ${config.smtpDescription}`);
  }

  render(
    mail: MailTemplateInput,
    locale: MailLocale,
    timeZone: string,
    ticketNumber: string | null,
  ): RenderedMail {
    const marker = ticketNumber ? makeMarker(ticketNumber, this.markerSecret) : null;
    return this.renderer.render(mail, { locale, timeZone, marker });
  }

  compose(request: ComposeRequest): BuiltMessage {
    const kind = TEMPLATE_KIND[request.mail.template];
    if (kind && !request.thread) {
      throw new Error(`templat "${request.mail.template}" membutuhkan tiket (thread)`);
    }
    const rendered = this.render(
      request.mail,
      request.locale,
      request.timeZone,
      kind && request.thread ? request.thread.ticketNumber : null,
    );
    return buildMailMessage(rendered, {
      from: this.config.mailFrom,
      to: request.to,
      cc: request.cc,
      replyTo: request.replyTo,
      domain: this.domain,
      nonce: request.nonce,
      idSecret: this.markerSecret,
      thread: kind && request.thread ? { ...request.thread, kind } : null,
      automatic: request.automatic ?? kind !== 'reply',
      attachments: request.attachments,
    });
  }

  send(message: BuiltMessage): Promise<SendResult> {
    return this.sender.send(message.message);
  }

  onModuleDestroy(): void {
    this.sender.close();
  }
}
