/**
 * Mail kept in the old triage queue (`inbound_messages.status = 'triage'`, from before e-mailed
 * requests opened tickets at once) becomes a triage ticket like any new request, once, after
 * start-up: each message in its own transaction with the ticket it opens, oldest first, marked
 * `processed` / `created` with the ticket's number. A message that cannot be converted stays as
 * it is (logged) and is tried again at the next start; nothing is dropped.
 */
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Readiness } from '@sigap/api-common';
import { InboundMessageEntity } from './inbound-message.entity';
import { TriageService } from '@sigap/api-tickets';

interface StoredSummary {
  bodyText?: string;
  bodyHtml?: string | null;
  fullText?: string | null;
  attachments?: { filename: string; size: number; contentType: string; sha256: string }[];
}

export interface BacklogResult {
  converted: string[];
  failed: { id: string; error: string }[];
}

@Injectable()
export class TriageBacklogService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('TriageBacklog');
  private done: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly triage: TriageService,
    private readonly readiness: Readiness,
  ) {}

  onApplicationBootstrap(): void {
    this.done = this.afterStartUp();
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    await this.done;
  }

  /** Resolves once the start-up conversion has run (tests). */
  whenDone(): Promise<unknown> {
    return this.done;
  }

  private async afterStartUp(): Promise<void> {
    // Migrations first: the start-up service marks readiness when they (and the seed) are done.
    while (!this.readiness.isReady) {
      if (this.destroyed) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      const result = await this.convert();
      if (result.converted.length || result.failed.length) {
        this.log.log(
          `antrean triase lama: ${result.converted.length} e-mail menjadi tiket, ${result.failed.length} gagal`,
        );
      }
    } catch (error) {
      this.log.error(`antrean triase lama tidak dapat diproses: ${(error as Error).message}`);
    }
  }

  /** Converts every message still in the old triage state; the ticket numbers opened. */
  async convert(): Promise<BacklogResult> {
    const rows = await this.dataSource.getRepository(InboundMessageEntity).find({
      select: { id: true },
      where: { status: 'triage' },
      order: { receivedAt: 'ASC' },
    });
    const result: BacklogResult = { converted: [], failed: [] };
    for (const { id } of rows) {
      if (this.destroyed) break;
      try {
        const number = await this.convertOne(id);
        if (number) result.converted.push(number);
      } catch (error) {
        const message = String((error as Error).message ?? error).slice(0, 300);
        result.failed.push({ id, error: message });
        this.log.warn(`e-mail triase ${id} belum dapat dijadikan tiket: ${message}`);
      }
    }
    return result;
  }

  private convertOne(id: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(InboundMessageEntity, { where: { id } });
      if (!row || row.status !== 'triage') return null;
      let summary: StoredSummary = {};
      try {
        summary = JSON.parse(row.summary ?? '{}') as StoredSummary;
      } catch {
        // An unreadable summary still makes a ticket: the raw mail is kept and viewable.
      }
      const number = await this.triage.openFromMail(manager, {
        officeCode: row.officeCode,
        contactId: null,
        from: row.fromAddress ?? `tanpa-alamat@${row.sha256.slice(0, 12)}.invalid`,
        fromName: null,
        subject: row.subject,
        bodyText: typeof summary.bodyText === 'string' ? summary.bodyText : '',
        bodyHtml: typeof summary.bodyHtml === 'string' ? summary.bodyHtml : null,
        fullText: typeof summary.fullText === 'string' ? summary.fullText : null,
        attachments: Array.isArray(summary.attachments) ? summary.attachments : [],
        messageId: row.messageId,
        inboundId: row.id,
        receivedAt: row.receivedAt,
        via: 'antrean triase lama',
        actorId: null,
      });
      // Guarded: a second instance converting at the same time rolls back its ticket.
      const updated = await manager.update(
        InboundMessageEntity,
        { id, status: 'triage' },
        { status: 'processed', action: 'created', ticketNumber: number },
      );
      if (!updated.affected) throw new Error('sudah diproses oleh instans lain');
      return number;
    });
  }
}
