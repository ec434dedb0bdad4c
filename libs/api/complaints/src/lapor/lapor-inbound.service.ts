import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import type { LaporReporterPrivacy } from '@sigap/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  AttachmentError,
  AttachmentEntity,
  AttachmentsService,
  incomingFolder,
  type UploadedFile,
} from '@sigap/api-attachments';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import {
  event,
  nextStatus,
  reconcileClocks,
  refreshStoredFigures,
  ServiceCache,
  SystemActionsService,
  TicketEntity,
  TicketRepository,
  transition,
} from '@sigap/api-tickets';
import { ComplaintEntity } from '../complaint.entity';
import { ComplaintsService } from '../complaints.service';
import {
  LaporError,
  LaporGateway,
  type LaporInboundReport,
  type LaporState,
} from './lapor-gateway';
import { LAPOR_LIMITS, laporEmail, laporText, logSafe } from './lapor-text';

export interface LaporInboundRun {
  /** Reports that became complaint tickets. */
  created: number;
  /** Reports already taken (by an earlier pull or another instance). */
  known: number;
  /** Reports for an agency that is no office here. */
  ignored: number;
  failed: number;
}

const REPORTER_NAME: Record<LaporReporterPrivacy, string> = {
  named: 'Pelapor SP4N-LAPOR!',
  anonymous: 'Pelapor anonim (SP4N-LAPOR!)',
  confidential: 'Pelapor dirahasiakan (SP4N-LAPOR!)',
};

/**
 * Reports SP4N-LAPOR! dispositions to an office come in as complaint tickets: one per tracking
 * id (the key is unique, so concurrent pulls make one ticket), with their files checked and
 * stored like uploads, the reporter kept only as far as a named reporter is named. What comes
 * from LAPOR! later on such a report (the reporter's replies, a withdrawal, a move to another
 * agency) is applied by `applyState`.
 */
@Injectable()
export class LaporInboundService {
  private readonly log = new Logger('LaporInbound');

  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsService,
    private readonly attachments: AttachmentsService,
    private readonly system: SystemActionsService,
    private readonly tickets: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly lapor: LaporGateway,
  ) {}

  /** Takes the reports dispositioned to the offices; a failed report is tried on the next pull. */
  async pullInbound(): Promise<LaporInboundRun> {
    const run: LaporInboundRun = { created: 0, known: 0, ignored: 0, failed: 0 };
    if (!this.lapor.available) return run;
    const reports = await this.lapor.inbox();
    const offices = new Set(
      (await this.dataSource.manager.find(OfficeEntity, { where: { retiredAt: IsNull() } })).map(
        (o) => o.code,
      ),
    );
    for (const report of reports) {
      if (!offices.has(report.agency)) {
        run.ignored++;
        // The tracking id and the agency code name the report; nothing of the reporter is logged.
        this.log.warn(
          `laporan SP4N-LAPOR! ${logSafe(report.trackingId)} didisposisikan ke instansi "${logSafe(report.agency)}" yang tidak dikenal; dilewati`,
        );
        continue;
      }
      if (await this.taken(report.trackingId)) {
        run.known++;
        continue;
      }
      try {
        run[await this.take(report)]++;
      } catch (error) {
        run.failed++;
        this.log.warn(
          `laporan SP4N-LAPOR! ${logSafe(report.trackingId)} belum dapat diambil: ${reason(error)}`,
        );
      }
    }
    return run;
  }

  private async taken(trackingId: string): Promise<boolean> {
    return (
      (await this.dataSource.manager.count(ComplaintEntity, {
        where: { laporTrackingId: trackingId },
      })) > 0
    );
  }

  /** One report as a complaint ticket, its files and a timeline entry of what was kept. */
  private async take(report: LaporInboundReport): Promise<'created' | 'known'> {
    const notes: string[] = [];
    const title = laporText(report.title, LAPOR_LIMITS.title);
    if (title.clipped) notes.push(`Judul laporan dipotong menjadi ${LAPOR_LIMITS.title} karakter.`);
    const body = laporText(report.body, LAPOR_LIMITS.body);
    if (body.clipped) notes.push(`Isi laporan dipotong menjadi ${LAPOR_LIMITS.body} karakter.`);
    const privacy = report.privacy;
    // Only a named reporter is kept by name; an anonymous or confidential one never is, even if
    // LAPOR! sent more than it should.
    const named = privacy === 'named' ? report.reporter : null;
    const name = laporText(named?.name ?? null, LAPOR_LIMITS.name);
    if (name.clipped) notes.push(`Nama pelapor dipotong menjadi ${LAPOR_LIMITS.name} karakter.`);
    const phone = laporText(named?.phone ?? null, LAPOR_LIMITS.phone).text;
    const files = await this.fetchFiles(report, notes);
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (tx) => {
        const filed = await this.complaints.fileIn(
          tx,
          {
            office: report.agency,
            category: report.category,
            name: name.text || REPORTER_NAME[privacy],
            email: laporEmail(named?.email),
            phone: phone || null,
            text: body.text || title.text || '(laporan tanpa isi)',
            subject: title.text || null,
          },
          {
            source: 'lapor',
            channel: 'portal',
            actorId: null,
            receivedAt: receivedAt(report.dispositionedAt, now),
            receipt: false,
            lapor: {
              trackingId: report.trackingId,
              status: report.status,
              agency: report.agency,
              reporter: privacy,
            },
          },
        );
        const ticket = await tx.findOneOrFail(TicketEntity, {
          select: { id: true, number: true },
          where: { number: filed.number },
        });
        for (const row of files) {
          row.ticketId = ticket.id;
          await this.attachments.recordIn(tx, row, ticket.number);
        }
        await this.tickets.appendTimeline(
          tx,
          ticket.id,
          [
            {
              kind: 'event',
              event: 'lapor.received',
              authorId: null,
              body: notes.length ? notes.join('\n') : null,
              data: {
                trackingId: report.trackingId,
                agency: report.agency,
                reporter: privacy,
                status: report.status,
                attachmentIds: files.map((f) => f.id),
                notes,
              },
            },
          ],
          now,
        );
        await this.audit.record(
          {
            actorId: null,
            action: 'complaint.lapor_received',
            entityType: 'ticket',
            entityId: ticket.number,
            after: {
              trackingId: report.trackingId,
              reporter: privacy,
              attachments: files.length,
              notes: notes.length,
            },
          },
          tx,
        );
        return 'created' as const;
      });
    } catch (error) {
      // Another pull took the same report meanwhile: the unique tracking id kept it to one.
      if (await this.taken(report.trackingId)) return 'known';
      throw error;
    }
  }

  /** Downloads and checks a report's files as uploads are checked; refusals become notes. */
  private async fetchFiles(
    report: LaporInboundReport,
    notes: string[],
  ): Promise<AttachmentEntity[]> {
    const rows: AttachmentEntity[] = [];
    const max = this.config.attachmentMaxBytes;
    const maxMb = Math.floor(max / (1024 * 1024));
    for (const [i, ref] of report.attachments.entries()) {
      const name = logSafe(ref.fileName, 120);
      if (i >= LAPOR_LIMITS.attachments) {
        notes.push(
          `Lampiran "${name}" tidak diambil: paling banyak ${LAPOR_LIMITS.attachments} lampiran per laporan.`,
        );
        continue;
      }
      if (ref.size !== null && ref.size > max) {
        notes.push(`Lampiran "${name}" ditolak: lebih dari ${maxMb} MB.`);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await this.lapor.attachment(report.trackingId, ref.id, max);
      } catch (error) {
        // An outage is tried again with the whole report; a refusal is noted and passed over.
        if (error instanceof LaporError && !error.retryable) {
          notes.push(`Lampiran "${name}" ditolak: ${error.message}.`);
          continue;
        }
        throw error;
      }
      const file = await this.spool(bytes, ref.fileName);
      try {
        const holder = { id: '', officeCode: report.agency } as TicketEntity;
        rows.push(await this.attachments.storeBytes(holder, file, null));
      } catch (error) {
        if (!(error instanceof AttachmentError)) throw error;
        notes.push(error.message);
      } finally {
        await rm(file.path, { force: true });
      }
    }
    return rows;
  }

  /** Writes downloaded bytes where uploads in flight wait, as the upload path would. */
  private async spool(bytes: Buffer, fileName: string): Promise<UploadedFile> {
    const folder = incomingFolder(this.config.dataDir);
    await mkdir(folder, { recursive: true });
    const path = join(folder, `${randomUUID()}.part`);
    await writeFile(path, bytes);
    return {
      fieldname: 'file',
      originalname: fileName,
      mimetype: 'application/octet-stream',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      path,
    };
  }

  /**
   * What LAPOR! says now about a report that came from there, applied once: each reply of the
   * reporter threads onto the ticket as the requester's answer (a waiting ticket resumes, a
   * resolved one reopens, the close after the follow-up is called off); a withdrawal or a move to
   * another agency cancels the open ticket with a note. Answers the replies added.
   */
  async applyState(ticketId: string, state: LaporState): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const current = await tx.findOneOrFail(ComplaintEntity, { where: { ticketId } });
      const ticket = await tx.findOneOrFail(TicketEntity, { where: { id: ticketId } });
      const fresh = state.updates.slice(current.laporSeen);
      let replies = 0;
      for (const [i, update] of fresh.entries()) {
        if (update.author !== 'reporter') continue;
        const reply = laporText(update.answer, LAPOR_LIMITS.reply);
        const text = reply.clipped
          ? `${reply.text}\n\n[Tanggapan dipotong menjadi ${LAPOR_LIMITS.reply} karakter.]`
          : reply.text || '(tanggapan tanpa isi)';
        await this.system.requesterReplied(tx, {
          ticketNumber: ticket.number,
          contactId: ticket.requesterContactId,
          from: null,
          messageId: `lapor:${state.trackingId}:${current.laporSeen + i}`,
          subject: null,
          bodyText: text,
          bodyHtml: null,
          attachments: [],
          inboundId: null,
          via: 'sp4n-lapor',
          channel: 'lapor',
        });
        replies++;
      }
      const moved = !!state.agency && !!current.laporAgency && state.agency !== current.laporAgency;
      const ended = state.withdrawn ? 'withdrawn' : moved ? 'moved' : null;
      if (ended && (fresh.length > 0 || ticket.isOpen)) await this.end(tx, ticket, ended, state);
      const set: Partial<ComplaintEntity> = {
        laporStatus: state.status.slice(0, 60),
        laporSyncedAt: now,
        laporSeen: current.laporSeen + fresh.length,
      };
      // A reply of the reporter calls off the close after the follow-up.
      if (replies || ended) Object.assign(set, { laporFollowedUpAt: null, laporClosesAt: null });
      // Moved away: the tracking id is free for the agency (office) that has it now.
      if (moved) Object.assign(set, { laporTrackingId: null, laporAgency: state.agency });
      const result = await tx
        .createQueryBuilder()
        .update(ComplaintEntity)
        .set(set)
        .where('ticket_id = :id AND lapor_seen = :seen', { id: ticketId, seen: current.laporSeen })
        .execute();
      // Another pull got there first: its entries stand, ours roll back.
      if (!result.affected) throw new PullOvertaken();
      return replies;
    });
  }

  /** A withdrawn or moved report: a note on the timeline, and the open ticket cancelled. */
  private async end(
    tx: EntityManager,
    row: TicketEntity,
    why: 'withdrawn' | 'moved',
    state: LaporState,
  ): Promise<void> {
    const calendar = await this.calendars.forOffice(row.officeCode);
    const agg = await this.tickets.load(tx, { id: row.id }, calendar, null, true);
    const expected = agg.ticket.version;
    const from = agg.ticket.status;
    event(agg, why === 'withdrawn' ? 'lapor.withdrawn' : 'lapor.moved', {
      trackingId: state.trackingId,
      status: state.status,
      agency: why === 'moved' ? state.agency : undefined,
    });
    agg.timeline[agg.timeline.length - 1].body =
      why === 'withdrawn'
        ? 'Pelapor mencabut laporan di SP4N-LAPOR!.'
        : `SP4N-LAPOR! mengalihkan laporan ke instansi lain (${logSafe(state.agency ?? '-', 80)}).`;
    if (nextStatus(from, 'cancel')) {
      transition(agg, 'cancel');
      event(agg, 'ticket.cancelled', {
        reason: why === 'withdrawn' ? 'Laporan dicabut pelapor.' : 'Laporan dialihkan.',
      });
    }
    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.tickets.save(tx, agg, expected);
    await this.audit.record(
      {
        actorId: null,
        action: `complaint.lapor_${why}`,
        entityType: 'ticket',
        entityId: agg.ticket.number,
        before: { status: from },
        after: { status: agg.ticket.status, trackingId: state.trackingId },
      },
      tx,
    );
  }
}

/** A concurrent pull recorded the same updates first (rolls this one back). */
export class PullOvertaken extends Error {}

function receivedAt(dispositionedAt: string | null, now: Date): Date {
  const at = dispositionedAt ? Date.parse(dispositionedAt) : NaN;
  // A missing, malformed or future time from outside counts from now.
  return Number.isFinite(at) && at <= now.getTime() ? new Date(at) : now;
}

function reason(error: unknown): string {
  return error instanceof LaporError || error instanceof AttachmentError
    ? error.message
    : error instanceof Error
      ? error.name
      : 'galat';
}
