/**
 * What an OPD's staff see and do in the requester portal. Every read is limited to the signed-in
 * contact's OPD (or, for a contact without an OPD, to their own requests); another OPD's ticket
 * is "not found", never "forbidden", so numbers cannot be probed. Steps are named by position,
 * never by the person holding them; internal notes never leave the office.
 *
 * Changes go through the ticket code paths the office uses: opening (`TicketOpeningService.open`),
 * files (`AttachmentsService`), documents and answers (`SystemActionsService`, the same answer
 * an e-mail reply gives: timeline, resumed clock, the assignee told).
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  PortalChecklistLine,
  PortalFileView,
  PortalMessageView,
  PortalRequestDetail,
  PortalRequestSummary,
  PortalServiceView,
  PortalStepView,
  PortalTrackingView,
} from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentEntity } from '@sigap/api-attachments';
import type { ObjectStore } from '@sigap/api-attachments';
import { attachmentStoreFor } from '@sigap/api-attachments';
import { AttachmentsService } from '@sigap/api-attachments';
import type { SniffedType } from '@sigap/api-attachments';
import type { UploadedFile } from '@sigap/api-attachments';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { Clock } from '@sigap/api-clock';
import { ServiceVersionEntity } from '@sigap/api-catalog';
import { AppConfig } from '@sigap/api-config';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { PositionEntity } from '@sigap/api-offices';
import { zoneAbbreviation } from '@sigap/api-offices';
import { RequesterContactEntity } from '@sigap/api-opds';
import { requesterCanRead } from '@sigap/api-tickets';
import { ChecklistItemEntity } from '@sigap/api-tickets';
import { SystemActionsService } from '@sigap/api-tickets';
import { TicketStepEntity } from '@sigap/api-tickets';
import { NO_DUE, TicketEntity } from '@sigap/api-tickets';
import { TicketOpeningService } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import type { PortalPrincipal } from './portal-auth.service';
import { PortalError } from './portal-error';
import { checkUploadQuota } from './upload-quota';
import { readTrackingToken, trackingKey } from '@sigap/api-tickets';

/** What the portal accepts against a checklist line: PDF and office documents. */
export const PORTAL_DOCUMENT_TYPES: readonly string[] = [
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

const RECEIVED = new Set(['received', 'verified']);

function iso(d: Date | null | undefined): string | null {
  return d && d.getTime() !== NO_DUE.getTime() ? d.toISOString() : null;
}

@Injectable()
export class PortalService {
  private readonly store: ObjectStore;
  private readonly trackKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly opening: TicketOpeningService,
    private readonly systemActions: SystemActionsService,
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.store = attachmentStoreFor(config);
    this.trackKey = trackingKey(config);
  }

  /** The active services of the requester's office, with their required documents. */
  async services(p: PortalPrincipal): Promise<PortalServiceView[]> {
    const manager = this.dataSource.manager;
    const services = await manager.find(CatalogServiceEntity, {
      where: { officeCode: p.officeCode, status: 'active' },
      order: { name: 'ASC' },
    });
    if (!services.length) return [];
    const versions = await manager.find(ServiceVersionEntity, {
      where: { serviceId: In(services.map((s) => s.id)) },
    });
    const result: PortalServiceView[] = [];
    for (const s of services) {
      const v = versions.find((x) => x.serviceId === s.id && x.version === s.currentVersion);
      if (!v) continue;
      const standard = JSON.parse(v.standardJson) as ServiceStandard;
      result.push({
        code: s.code,
        name: s.name,
        serviceTime: standard.serviceTime.text,
        requirements: standard.requirements.map((r) => ({
          code: r.code,
          text: r.text,
          optional: r.optional ?? false,
        })),
        submissionNote: standard.submissionNote ?? null,
      });
    }
    return result;
  }

  /** Opens a ticket on channel `portal` for the signed-in contact. */
  async open(
    p: PortalPrincipal,
    input: { service: string; subject: string; description: string },
  ): Promise<PortalRequestDetail> {
    const requester: AuthUser = {
      id: p.contactId,
      email: p.email,
      name: p.name,
      roles: [],
      office: p.officeCode,
      locale: 'id',
      positions: [],
    };
    const opened = await this.opening.open(
      requester,
      {
        office: p.officeCode,
        service: input.service,
        channel: 'portal',
        subject: input.subject,
        description: input.description,
        requesterId: p.contactId,
      },
      'requester',
    );
    return this.detail(p, opened.number);
  }

  /** The OPD's requests, newest first (at most 200). */
  async list(p: PortalPrincipal): Promise<PortalRequestSummary[]> {
    const manager = this.dataSource.manager;
    const tickets = await manager.find(TicketEntity, {
      where: p.opdId
        ? { officeCode: p.officeCode, opdId: p.opdId }
        : { officeCode: p.officeCode, requesterContactId: p.contactId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    if (!tickets.length) return [];
    const ids = tickets.map((t) => t.id);
    const [steps, items, ctx] = await Promise.all([
      manager.find(TicketStepEntity, { where: { ticketId: In(ids), status: 'active' } }),
      manager.find(ChecklistItemEntity, { where: { ticketId: In(ids) } }),
      this.names(manager, p.officeCode, tickets),
    ]);
    return tickets.map((t) =>
      this.summary(
        t,
        steps.filter((s) => s.ticketId === t.id),
        items.filter((i) => i.ticketId === t.id),
        ctx,
      ),
    );
  }

  async detail(p: PortalPrincipal, number: string): Promise<PortalRequestDetail> {
    const manager = this.dataSource.manager;
    const t = await this.visibleTicket(manager, p, number);
    const [steps, items, entries, files, office, ctx] = await Promise.all([
      manager.find(TicketStepEntity, { where: { ticketId: t.id }, order: { stepOrder: 'ASC' } }),
      manager.find(ChecklistItemEntity, { where: { ticketId: t.id }, order: { sortOrder: 'ASC' } }),
      manager.find(TimelineEntryEntity, {
        where: { ticketId: t.id, kind: 'reply' },
        order: { id: 'ASC' },
      }),
      manager.find(AttachmentEntity, { where: { ticketId: t.id }, order: { createdAt: 'ASC' } }),
      manager.findOneOrFail(OfficeEntity, { where: { code: t.officeCode } }),
      this.names(manager, p.officeCode, [t]),
    ]);
    const fileView = (a: AttachmentEntity): PortalFileView => ({
      id: a.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
      size: a.size,
      createdAt: a.createdAt.toISOString(),
      href: `/api/v1/portal/requests/${encodeURIComponent(t.number)}/attachments/${a.id}`,
    });
    const checklist: PortalChecklistLine[] = items.map((i) => ({
      code: i.code,
      text: i.text,
      optional: i.optional,
      status: i.status,
      reason: i.status === 'rejected' ? i.reason : null,
      files: files.filter((f) => (i.attachmentIds ?? []).includes(f.id)).map(fileView),
    }));
    const contactIds = entries
      .map((e) => (e.data as { contactId?: unknown } | null)?.contactId)
      .filter((x): x is string => typeof x === 'string');
    const contacts = contactIds.length
      ? await manager.find(RequesterContactEntity, {
          select: { id: true, name: true },
          where: { id: In([...new Set(contactIds)]) },
        })
      : [];
    const messages: PortalMessageView[] = entries.map((e) => {
      const data = (e.data ?? {}) as {
        contactId?: string;
        from?: string;
        attachments?: { filename?: string; size?: number }[];
      };
      const fromRequester = e.authorId === null;
      return {
        id: e.id,
        from: fromRequester ? 'requester' : 'office',
        author: fromRequester
          ? (contacts.find((c) => c.id === data.contactId)?.name ?? data.from ?? 'Pemohon')
          : `Helpdesk ${office.name}`,
        body: e.body ?? '',
        files: fromRequester
          ? (data.attachments ?? []).map((a) => ({
              fileName: String(a.filename ?? 'lampiran'),
              size: Number(a.size ?? 0),
            }))
          : [],
        at: e.at.toISOString(),
      };
    });
    return {
      ...this.summary(
        t,
        steps.filter((s) => s.status === 'active'),
        items,
        ctx,
      ),
      description: t.description,
      office: {
        code: office.code,
        name: office.name,
        timeZone: office.timeZone,
        zone: zoneAbbreviation(office.timeZone),
      },
      checklist,
      messages,
      canAnswer: this.canAnswer(t),
      uploadMaxBytes: this.config.attachmentMaxBytes,
    };
  }

  /**
   * Stores one file for a request; with `item`, against that checklist line (PDF and office
   * formats only), which becomes `received`.
   */
  async upload(
    p: PortalPrincipal,
    number: string,
    item: unknown,
    file: UploadedFile | undefined,
  ): Promise<PortalRequestDetail> {
    const manager = this.dataSource.manager;
    const ticket = await this.visibleTicket(manager, p, number);
    this.assertAnswerable(ticket);
    let code: string | null = null;
    if (item !== undefined && item !== '') {
      if (typeof item !== 'string' || !/^[A-Za-z0-9._-]{1,80}$/.test(item))
        throw new PortalError('portal.invalid', 'Baris persyaratan tidak valid.', [
          { path: 'item', message: 'kode persyaratan tidak valid' },
        ]);
      const line = await manager.findOne(ChecklistItemEntity, {
        where: { ticketId: ticket.id, code: item },
      });
      if (!line)
        throw new PortalError('portal.invalid', `Persyaratan "${item}" tidak ada pada tiket ini.`, [
          { path: 'item', message: 'persyaratan tidak dikenal' },
        ]);
      code = item;
    }
    // A required document is a PDF or an office document (checked on the sniffed type).
    const documentOnly = (type: SniffedType) => {
      if (code && !PORTAL_DOCUMENT_TYPES.includes(type.mediaType))
        throw new PortalError(
          'portal.invalid',
          `Dokumen persyaratan harus PDF atau dokumen perkantoran (Word, Excel, PowerPoint, ODF); berkas ini ${type.label}.`,
          [{ path: 'file', message: `jenis ${type.label} tidak diterima untuk persyaratan` }],
        );
    };
    // The contact's daily quota: refused early, before anything is stored ...
    const quota = {
      files: this.config.portalUploadsPerDay,
      bytes: this.config.portalUploadBytesPerDay,
    };
    if (file)
      await checkUploadQuota(manager, p.contactId, file.size, quota, this.clock.nowMs(), false);
    // The bytes first (content-addressed: a failure below leaves only unreferenced bytes), then
    // the attachment row, the checklist mark, the timeline and the audit in one transaction.
    const row = await this.attachments.storeBytes(ticket, file, p.contactId, documentOnly);
    const documentCode = code;
    await this.dataSource.transaction(async (m) => {
      // ... and for certain with the contact locked, so parallel uploads cannot pass it together.
      await checkUploadQuota(m, p.contactId, row.size, quota, this.clock.nowMs(), true);
      await this.attachments.recordIn(m, row, ticket.number);
      if (!documentCode) return;
      const done = await this.systemActions.requesterDocuments(m, {
        ticketNumber: ticket.number,
        contactId: p.contactId,
        documents: [{ code: documentCode, attachmentId: row.id }],
      });
      if (!done) throw PortalError.notFound(`Permohonan ${number}`);
    });
    return this.detail(p, ticket.number);
  }

  /** The requester's answer: the same path as an e-mail reply (timeline, clock, assignee). */
  async answer(
    p: PortalPrincipal,
    number: string,
    input: { body: string; attachmentIds?: string[] },
  ): Promise<PortalRequestDetail> {
    const manager = this.dataSource.manager;
    const ticket = await this.visibleTicket(manager, p, number);
    this.assertAnswerable(ticket);
    const ids = [...new Set(input.attachmentIds ?? [])];
    const files = ids.length
      ? await manager.find(AttachmentEntity, { where: { id: In(ids), ticketId: ticket.id } })
      : [];
    const unknown = ids.findIndex((id) => !files.some((f) => f.id === id));
    if (unknown >= 0)
      throw new PortalError('portal.invalid', 'Lampiran tidak dikenal pada permohonan ini.', [
        { path: `attachmentIds[${unknown}]`, message: 'lampiran tidak dikenal' },
      ]);
    const effect = await this.dataSource.transaction((m) =>
      this.systemActions.requesterReplied(m, {
        ticketNumber: ticket.number,
        contactId: p.contactId,
        from: p.email,
        messageId: `<portal.${randomUUID()}@portal.sigap.invalid>`,
        subject: null,
        bodyText: input.body,
        bodyHtml: null,
        attachments: files.map((f) => ({
          attachmentId: f.id,
          filename: f.fileName,
          size: f.size,
          contentType: f.mediaType,
          sha256: f.sha256,
        })),
        inboundId: null,
        via: 'portal',
        channel: 'portal',
      }),
    );
    if (!effect) throw PortalError.notFound(`Permohonan ${number}`);
    return this.detail(p, ticket.number);
  }

  /** A file of a visible request, for download. */
  async file(p: PortalPrincipal, number: string, id: string) {
    const manager = this.dataSource.manager;
    const ticket = await this.visibleTicket(manager, p, number);
    const row = await manager.findOne(AttachmentEntity, { where: { id, ticketId: ticket.id } });
    if (!row) throw PortalError.notFound('Lampiran');
    return { row, stream: this.store.open(row.sha256) };
  }

  /** The public tracking page: status, current step's position, due; no personal data. */
  async track(token: string): Promise<PortalTrackingView> {
    const id = readTrackingToken(this.trackKey, token);
    const manager = this.dataSource.manager;
    const t = id ? await manager.findOne(TicketEntity, { where: { id } }) : null;
    if (!t || this.trackingExpired(t)) throw PortalError.notFound('Permohonan');
    const [steps, items, office, ctx] = await Promise.all([
      manager.find(TicketStepEntity, { where: { ticketId: t.id, status: 'active' } }),
      manager.find(ChecklistItemEntity, { where: { ticketId: t.id }, order: { sortOrder: 'ASC' } }),
      manager.findOneOrFail(OfficeEntity, { where: { code: t.officeCode } }),
      this.names(manager, t.officeCode, [t]),
    ]);
    return {
      number: t.number,
      kind: t.kind ?? 'request',
      serviceName: (t.serviceId && ctx.services.get(t.serviceId)) || (t.serviceCode ?? ''),
      officeName: office.name,
      status: t.status,
      slaState: t.slaState,
      dueAt: iso(t.dueAt),
      timeZone: office.timeZone,
      zone: zoneAbbreviation(office.timeZone),
      createdAt: t.createdAt.toISOString(),
      currentSteps: this.stepViews(steps, ctx.positions),
      missing: items.filter((i) => !i.optional && !RECEIVED.has(i.status)).map((i) => i.text),
    };
  }

  // ---- helpers ----

  private async visibleTicket(
    manager: EntityManager,
    p: PortalPrincipal,
    number: string,
  ): Promise<TicketEntity> {
    const ticket =
      number.length <= 40 ? await manager.findOne(TicketEntity, { where: { number } }) : null;
    if (
      !ticket ||
      ticket.officeCode !== p.officeCode ||
      !requesterCanRead({ opdId: p.opdId, contactId: p.contactId }, ticket)
    )
      throw PortalError.notFound(`Permohonan ${number}`);
    return ticket;
  }

  /**
   * A tracking link works while the ticket is open and for `SIGAP_TRACKING_DAYS` after it was
   * resolved, closed or cancelled; then it answers like an unknown link.
   */
  private trackingExpired(t: TicketEntity): boolean {
    if (t.isOpen) return false;
    const finished =
      (t.status === 'resolved' ? t.resolvedAt : (t.closedAt ?? t.resolvedAt)) ?? t.updatedAt;
    return this.clock.nowMs() - finished.getTime() > this.config.trackingDays * 86_400_000;
  }

  private canAnswer(t: TicketEntity): boolean {
    if (t.status === 'cancelled') return false;
    if (t.isOpen) return true;
    const since = t.status === 'resolved' ? t.resolvedAt : t.closedAt;
    if (!since) return false;
    return this.clock.nowMs() - since.getTime() <= this.config.reopenWindowDays * 86_400_000;
  }

  private assertAnswerable(t: TicketEntity): void {
    if (!this.canAnswer(t))
      throw new PortalError(
        'portal.closed',
        `Permohonan ${t.number} sudah ditutup atau dibatalkan; ajukan permohonan baru.`,
      );
  }

  private async names(manager: EntityManager, office: string, tickets: TicketEntity[]) {
    const serviceIds = [
      ...new Set(tickets.map((t) => t.serviceId).filter((x): x is string => !!x)),
    ];
    const contactIds = [...new Set(tickets.map((t) => t.requesterContactId))];
    const [services, positions, contacts] = await Promise.all([
      manager.find(CatalogServiceEntity, {
        select: { id: true, name: true },
        where: { id: In(serviceIds) },
      }),
      manager.find(PositionEntity, {
        select: { id: true, code: true, name: true },
        where: { officeCode: office },
      }),
      manager.find(RequesterContactEntity, {
        select: { id: true, name: true },
        where: { id: In(contactIds) },
      }),
    ]);
    return {
      services: new Map(services.map((s) => [s.id, s.name])),
      positions: new Map(positions.map((x) => [x.code, x.name])),
      contacts: new Map(contacts.map((c) => [c.id, c.name])),
    };
  }

  private stepViews(steps: TicketStepEntity[], positions: Map<string, string>): PortalStepView[] {
    return steps
      .filter((s) => s.status === 'active')
      .sort((a, b) => a.stepOrder - b.stepOrder)
      .map((s) => ({
        order: s.stepOrder,
        description: s.description,
        position: positions.get(s.positionCode) ?? s.positionCode,
        requesterSide: s.requesterSide,
      }));
  }

  private summary(
    t: TicketEntity,
    activeSteps: TicketStepEntity[],
    items: ChecklistItemEntity[],
    ctx: Awaited<ReturnType<PortalService['names']>>,
  ): PortalRequestSummary {
    return {
      number: t.number,
      subject: t.subject,
      service: t.serviceCode ?? '',
      serviceName: (t.serviceId && ctx.services.get(t.serviceId)) || (t.serviceCode ?? ''),
      status: t.status,
      slaState: t.slaState,
      dueAt: iso(t.dueAt),
      createdAt: t.createdAt.toISOString(),
      requesterName: ctx.contacts.get(t.requesterContactId) ?? '',
      currentSteps: this.stepViews(activeSteps, ctx.positions),
      missing: items.filter((i) => !i.optional && !RECEIVED.has(i.status)).length,
    };
  }
}
