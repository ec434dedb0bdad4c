import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { AttachmentView } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import type { AuthUser } from '@sigap/api-identity';
import { ticketAccess } from '@sigap/api-tickets';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { AttachmentError } from './attachment-error';
import { AttachmentEntity } from './attachment.entity';
import type { ObjectStore } from './object-store';
import { attachmentStoreFor } from './storage';
import { ACCEPTED_TYPES, extensionOf, sniffFile, type SniffedType } from './sniff';
import type { UploadedFile } from './upload.interceptor';

const ACCEPTED = ACCEPTED_TYPES.map((t) => t.label).join(', ');

@Injectable()
export class AttachmentsService {
  private readonly store: ObjectStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.store = attachmentStoreFor(config);
  }

  /** Stores a file for a ticket after checking who uploads it and what its bytes are. */
  async upload(
    user: AuthUser,
    number: string,
    file: UploadedFile | undefined,
  ): Promise<AttachmentView> {
    const ticket = await this.ticketFor(user, number, 'write');
    return this.storeForTicket(ticket, file, user.id);
  }

  /**
   * Checks and stores a file for a ticket whose access the caller has already checked (the
   * requester portal checks its own session): the type is sniffed from the bytes, the name
   * cleaned, the bytes kept under the data folder by their SHA-256.
   */
  async storeForTicket(
    ticket: TicketEntity,
    file: UploadedFile | undefined,
    actorId: string | null,
  ): Promise<AttachmentView> {
    const row = await this.storeBytes(ticket, file, actorId);
    await this.dataSource.transaction((manager) => this.recordIn(manager, row, ticket.number));
    return toView(row, ticket.number);
  }

  /**
   * The first half of `storeForTicket`, for callers that record the file in a transaction of
   * their own: checks the file and keeps its bytes (content-addressed, so a transaction that
   * fails afterwards leaves no row, only bytes that nothing points to), and answers the row to
   * insert with `recordIn`.
   */
  async storeBytes(
    ticket: TicketEntity,
    file: UploadedFile | undefined,
    actorId: string | null,
    /** A further check of the sniffed type (throws to refuse the file), before it is stored. */
    accept?: (type: SniffedType) => void,
  ): Promise<AttachmentEntity> {
    if (!file || file.fieldname !== 'file')
      throw new AttachmentError(
        'attachment.missing_file',
        'Tidak ada berkas: kirim multipart/form-data dengan berkas di kolom "file".',
        [{ path: 'file', message: 'wajib diisi' }],
      );
    const fileName = cleanName(file.originalname);
    const sniffed = await sniffFile(file.path);
    if (!sniffed.ok) {
      const why =
        sniffed.reason === 'executable' || sniffed.reason === 'markup'
          ? `isinya ${sniffed.label}, yang tidak pernah diterima`
          : sniffed.reason === 'empty'
            ? 'berkasnya kosong'
            : `isinya (${sniffed.label}) bukan jenis yang diterima`;
      throw new AttachmentError(
        'attachment.unsupported_type',
        `Lampiran "${fileName}" ditolak: ${why}. Jenis yang diterima: ${ACCEPTED}.`,
        [{ path: 'file', message: why }],
      );
    }
    accept?.(sniffed.type);
    const ext = extensionOf(fileName);
    const claimed = ACCEPTED_TYPES.find((t) => t.extensions.includes(ext));
    if (ext && !sniffed.type.extensions.includes(ext) && (claimed || isRiskyExtension(ext))) {
      throw new AttachmentError(
        'attachment.type_mismatch',
        `Lampiran "${fileName}" ditolak: namanya berakhiran .${ext} tetapi isinya ${sniffed.type.label}.`,
        [{ path: 'file', message: `nama .${ext}, isi ${sniffed.type.label}` }],
      );
    }
    await this.store.adopt(file.path, file.sha256, file.size);
    const sha256 = file.sha256;
    const now = this.clock.now();
    const row: AttachmentEntity = {
      id: randomUUID(),
      officeCode: ticket.officeCode,
      ticketId: ticket.id,
      sha256,
      size: file.size,
      mediaType: sniffed.type.mediaType,
      fileName,
      uploadedBy: actorId,
      createdAt: now,
    };
    return row;
  }

  /** The second half: the attachment row and its audit entry, in the caller's transaction. */
  async recordIn(
    manager: EntityManager,
    row: AttachmentEntity,
    ticketNumber: string,
  ): Promise<void> {
    await manager.insert(AttachmentEntity, row);
    await this.audit.record(
      {
        actorId: row.uploadedBy,
        action: 'attachment.uploaded',
        entityType: 'ticket',
        entityId: ticketNumber,
        after: {
          id: row.id,
          fileName: row.fileName,
          mediaType: row.mediaType,
          size: row.size,
          sha256: row.sha256,
        },
      },
      manager,
    );
  }

  /**
   * The files kept on a ticket, oldest first, for a user who may read it: those uploaded by
   * staff (also before any reply names them), by the requester, and carried by e-mail.
   */
  async list(user: AuthUser, number: string): Promise<AttachmentView[]> {
    const ticket = await this.ticketFor(user, number, 'read');
    const rows = await this.dataSource.manager.find(AttachmentEntity, {
      where: { ticketId: ticket.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => toView(row, ticket.number));
  }

  /** The stored row and a stream of its bytes, for a user who may read its ticket. */
  async download(user: AuthUser, id: string) {
    const row = await this.dataSource.manager.findOne(AttachmentEntity, { where: { id } });
    if (!row) throw notFound(id);
    const ticket = row.ticketId
      ? await this.dataSource.manager.findOne(TicketEntity, { where: { id: row.ticketId } })
      : null;
    if (ticket) await this.ticketFor(user, ticket.number, 'read', () => notFound(id));
    else if (user.office !== row.officeCode && !user.roles.includes('admin')) throw notFound(id);
    return { row, stream: this.store.open(row.sha256) };
  }

  private async ticketFor(
    user: AuthUser,
    number: string,
    need: 'read' | 'write',
    hidden = () =>
      new AttachmentError('attachment.not_found', `Tiket "${number}" tidak ditemukan.`),
  ): Promise<TicketEntity> {
    const manager = this.dataSource.manager;
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    if (!ticket) throw hidden();
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    const access = ticketAccess(user, ticket, steps);
    if (access === 'none') throw hidden();
    if (need === 'write' && access === 'read')
      throw new AttachmentError(
        'attachment.forbidden',
        `Anda hanya boleh membaca tiket ${number}, tidak melampirkan berkas.`,
      );
    return ticket;
  }
}

function notFound(id: string): AttachmentError {
  return new AttachmentError('attachment.not_found', `Lampiran "${id}" tidak ditemukan.`);
}

/** Extensions that browsers or systems run or render: never allowed to carry other content. */
function isRiskyExtension(ext: string): boolean {
  return /^(exe|com|bat|cmd|msi|scr|js|mjs|vbs|ps1|sh|jar|html?|xhtml|svg|xml|php|hta|lnk|dll)$/.test(
    ext,
  );
}

/**
 * The client's file name without folders, control characters or the invisible direction marks
 * that make a name read otherwise than it is (`foto<RLO>gpj.pdf` showing as `fotofdp.jpg`), in
 * composed form (macOS sends names decomposed), at most 255 characters (whole code points).
 */
function cleanName(name: string | undefined): string {
  const base = Array.from(basename((name ?? '').replace(/\\/g, '/')).normalize('NFC'))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && ch !== '"' && !BIDI.test(ch);
    })
    .join('')
    .trim();
  return Array.from(base || 'lampiran')
    .slice(-255)
    .join('');
}

/** Direction marks, embeddings, overrides and isolates. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function toView(row: AttachmentEntity, ticketNumber: string | null): AttachmentView {
  return {
    id: row.id,
    ticket: ticketNumber,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    href: `/api/v1/attachments/${row.id}`,
  };
}
