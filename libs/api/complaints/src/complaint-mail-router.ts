import { Injectable } from '@nestjs/common';
import { AppConfig } from '@sigap/api-config';
import type { EntityManager } from 'typeorm';
import { ComplaintsService } from './complaints.service';

/** A message that arrived at an office's complaints address. */
export interface ComplaintMail {
  office: string;
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  bodyText: string;
  receivedAt: Date;
  /** The message's Message-ID, sanitised HTML body, stored inbound row and attachments. */
  messageId?: string | null;
  bodyHtml?: string | null;
  inboundId?: string | null;
  /** Files kept by the inbound service (content-addressed by SHA-256), listed on the timeline. */
  attachments?: ComplaintMailAttachment[];
}

export interface ComplaintMailAttachment {
  filename: string;
  size: number;
  contentType: string;
  sha256: string;
}

/**
 * Mail addressed to an office's complaints address (`SIGAP_COMPLAINT_ADDRESSES`) opens a
 * complaint instead of a service request. The inbound mail service asks `officeFor` with the
 * recipients, and files through `fileFromMail` inside its own transaction.
 */
@Injectable()
export class ComplaintMailRouter {
  private readonly byAddress: Map<string, string>;

  constructor(
    config: AppConfig,
    private readonly complaints: ComplaintsService,
  ) {
    this.byAddress = new Map(
      Object.entries(config.complaintAddresses).map(([office, address]) => [address, office]),
    );
  }

  /** The office whose complaints address is among the recipients, else null. */
  officeFor(recipients: readonly string[]): string | null {
    if (!this.byAddress.size) return null;
    for (const r of recipients) {
      const office = this.byAddress.get(r.trim().toLowerCase());
      if (office) return office;
    }
    return null;
  }

  /**
   * Files the complaint (category pengaduan) from the sender; the message itself, with its
   * attachments, is the complaint's first entry on the timeline (as a reply's would be).
   * Answers the complaint's number.
   */
  async fileFromMail(manager: EntityManager, mail: ComplaintMail): Promise<string> {
    const text = mail.bodyText.trim() || mail.subject?.trim() || '(tanpa isi)';
    const result = await this.complaints.fileIn(
      manager,
      {
        office: mail.office,
        category: 'pengaduan',
        name: mail.fromName?.trim() || mail.fromAddress,
        email: mail.fromAddress,
        text,
        subject: mail.subject,
      },
      {
        source: 'email',
        channel: 'email',
        actorId: null,
        receivedAt: mail.receivedAt,
        mail: {
          messageId: mail.messageId ?? null,
          from: mail.fromAddress,
          subject: mail.subject,
          bodyText: mail.bodyText,
          bodyHtml: mail.bodyHtml ?? null,
          inboundId: mail.inboundId ?? null,
          attachments: (mail.attachments ?? []).map((a) => ({
            filename: a.filename,
            size: a.size,
            contentType: a.contentType,
            sha256: a.sha256,
          })),
        },
      },
    );
    return result.number;
  }
}
