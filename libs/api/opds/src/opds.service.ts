import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OpdView, RequesterContactView } from '@sigap/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OfficeError } from '@sigap/api-offices';
import { OfficesService } from '@sigap/api-offices';
import { dialectOf } from '@sigap/api-database';
import { OpdDomainEntity, OpdEntity } from './opd.entity';
import { OpdError } from './opd-error';
import { RequesterContactEntity } from './requester-contact.entity';

export interface ContactInput {
  name: string;
  email?: string;
  phone?: string;
  opdId?: string;
}

@Injectable()
export class OpdsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offices: OfficesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, office?: string): Promise<OpdView[]> {
    const where = office ?? user.office;
    if (!where && !hasRole(user, 'admin')) return [];
    if (where) this.assertCanRead(user, where);
    const opds = await this.dataSource.getRepository(OpdEntity).find({
      where: where ? { officeCode: where } : {},
      order: { officeCode: 'ASC', name: 'ASC' },
    });
    return this.views(this.dataSource.manager, opds);
  }

  async get(user: AuthUser, id: string): Promise<OpdView> {
    const opd = await this.find(this.dataSource.manager, id);
    this.assertCanRead(user, opd.officeCode);
    return (await this.views(this.dataSource.manager, [opd]))[0];
  }

  async create(
    user: AuthUser,
    input: { name: string; office: string; emailDomains: string[] },
  ): Promise<OpdView> {
    this.assertCanManage(user, input.office);
    const domains = normaliseDomains(input.emailDomains);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.offices.exists(input.office, manager)))
        throw OfficeError.notFound(input.office);
      await this.assertNameFree(manager, input.office, input.name.trim(), null);
      await this.assertDomainsFree(manager, input.office, domains, null);
      const now = this.clock.now();
      const opd: OpdEntity = {
        id: randomUUID(),
        officeCode: input.office,
        name: input.name.trim(),
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(OpdEntity, opd);
      if (domains.length)
        await manager.insert(
          OpdDomainEntity,
          domains.map((domain) => ({ officeCode: input.office, domain, opdId: opd.id })),
        );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'opd.created',
          entityType: 'opd',
          entityId: opd.id,
          after: { name: opd.name, office: opd.officeCode, emailDomains: domains },
        },
        manager,
      );
      return (await this.views(manager, [opd]))[0];
    });
  }

  async update(
    user: AuthUser,
    id: string,
    input: { name?: string; emailDomains?: string[] },
  ): Promise<OpdView> {
    return this.dataSource.transaction(async (manager) => {
      const opd = await this.find(manager, id);
      this.assertCanManage(user, opd.officeCode);
      const [before] = await this.views(manager, [opd]);
      if (input.name !== undefined) {
        await this.assertNameFree(manager, opd.officeCode, input.name.trim(), opd.id);
        opd.name = input.name.trim();
      }
      opd.updatedAt = this.clock.now();
      await manager.update(OpdEntity, { id }, { name: opd.name, updatedAt: opd.updatedAt });
      if (input.emailDomains !== undefined) {
        const domains = normaliseDomains(input.emailDomains);
        await this.assertDomainsFree(manager, opd.officeCode, domains, opd.id);
        await manager.delete(OpdDomainEntity, { opdId: id });
        if (domains.length)
          await manager.insert(
            OpdDomainEntity,
            domains.map((domain) => ({ officeCode: opd.officeCode, domain, opdId: id })),
          );
      }
      const [after] = await this.views(manager, [opd]);
      await this.audit.record(
        { actorId: user.id, action: 'opd.updated', entityType: 'opd', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  async createContact(
    user: AuthUser,
    office: string,
    input: ContactInput,
  ): Promise<RequesterContactView> {
    this.assertCanManage(user, office);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.offices.exists(office, manager))) throw OfficeError.notFound(office);
      return toContactView(await this.insertContact(manager, office, input, user.id));
    });
  }

  /** The office's contacts by name (active ones unless `includeInactive`), at most 100. */
  async listContacts(
    user: AuthUser,
    office: string,
    q?: string,
    includeInactive = false,
  ): Promise<RequesterContactView[]> {
    this.assertCanManage(user, office);
    const query = this.dataSource
      .getRepository(RequesterContactEntity)
      .createQueryBuilder('c')
      .where('c.office_code = :office', { office })
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(100);
    if (!includeInactive) query.andWhere('c.deactivated_at IS NULL');
    if (q) query.andWhere('(c.name LIKE :q OR c.email LIKE :q)', { q: `%${escapeLike(q)}%` });
    return (await query.getMany()).map(toContactView);
  }

  async getContact(user: AuthUser, id: string): Promise<RequesterContactView> {
    const contact = await this.findContact(this.dataSource.manager, id);
    this.assertCanManage(user, contact.officeCode);
    return toContactView(contact);
  }

  /**
   * Edits a contact: name, e-mail, phone, OPD (`null` clears the last three). It must keep an
   * e-mail or a phone. A new e-mail clears the bounce flag of the old one and, when no OPD is
   * named or kept, picks the OPD from its domain.
   */
  async updateContact(
    user: AuthUser,
    id: string,
    input: {
      name?: string;
      email?: string | null;
      phone?: string | null;
      opdId?: string | null;
    },
  ): Promise<RequesterContactView> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.findContact(manager, id);
      this.assertCanManage(user, contact.officeCode);
      const before = contactAudit(contact);
      if (input.name !== undefined) contact.name = input.name.trim();
      if (input.phone !== undefined) contact.phone = input.phone?.trim() || null;
      const emailChanged =
        input.email !== undefined && (input.email?.trim().toLowerCase() || null) !== contact.email;
      if (emailChanged) {
        contact.email = input.email?.trim().toLowerCase() || null;
        contact.emailBouncedAt = null;
        contact.emailBounceReason = null;
      }
      if (input.opdId !== undefined) {
        contact.opdId = input.opdId
          ? await this.resolveOpd(manager, contact.officeCode, input.opdId, null, 'opdId')
          : null;
      } else if (emailChanged && !contact.opdId) {
        contact.opdId = await this.resolveOpd(manager, contact.officeCode, null, contact.email);
      }
      if (!contact.email && !contact.phone) {
        throw new OpdError('contact.invalid', 'Kontak pemohon perlu e-mail atau nomor telepon.', [
          { path: input.email === null ? 'email' : 'phone', message: 'isi e-mail atau telepon' },
        ]);
      }
      contact.updatedAt = this.clock.now();
      await manager.update(
        RequesterContactEntity,
        { id },
        {
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          opdId: contact.opdId,
          emailBouncedAt: contact.emailBouncedAt ?? null,
          emailBounceReason: contact.emailBounceReason ?? null,
          updatedAt: contact.updatedAt,
        },
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'contact.updated',
          entityType: 'requester_contact',
          entityId: id,
          before,
          after: contactAudit(contact),
        },
        manager,
      );
      return toContactView(contact);
    });
  }

  /** Deactivates (or activates again) a contact; doing what is already so changes nothing. */
  async setContactActive(
    user: AuthUser,
    id: string,
    active: boolean,
  ): Promise<RequesterContactView> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.findContact(manager, id);
      this.assertCanManage(user, contact.officeCode);
      if (!contact.deactivatedAt === active) return toContactView(contact);
      const now = this.clock.now();
      contact.deactivatedAt = active ? null : now;
      contact.updatedAt = now;
      await manager.update(
        RequesterContactEntity,
        { id },
        { deactivatedAt: contact.deactivatedAt, updatedAt: now },
      );
      if (!active) await endPortalAccess(manager, id, now);
      await this.audit.record(
        {
          actorId: user.id,
          action: active ? 'contact.activated' : 'contact.deactivated',
          entityType: 'requester_contact',
          entityId: id,
        },
        manager,
      );
      return toContactView(contact);
    });
  }

  /**
   * Merges a contact into another of the same office: its tickets move to the other contact
   * (and to that contact's OPD), and it is deactivated with a pointer to where it went. Only an
   * unverified contact can be merged (one made from an address nobody proved they own): the
   * agent who merges vouches that both are the same person.
   */
  async mergeContact(
    user: AuthUser,
    id: string,
    intoId: string,
  ): Promise<{ contact: RequesterContactView; into: RequesterContactView; tickets: number }> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.findContact(manager, id);
      this.assertCanManage(user, source.officeCode);
      const target = await manager.findOne(RequesterContactEntity, { where: { id: intoId } });
      const refuse = (message: string, path = 'into') =>
        new OpdError('contact.invalid', message, [{ path, message }]);
      if (!target || target.officeCode !== source.officeCode) {
        // Another office's contact is answered like an unknown one.
        throw new OpdError('contact.not_found', `Kontak pemohon "${intoId}" tidak ada.`, [
          { path: 'into', message: 'kontak tidak dikenal di kantor ini' },
        ]);
      }
      if (target.id === source.id) throw refuse('kontak tidak dapat digabung dengan dirinya');
      if (!source.unverified || source.mergedIntoId || source.deactivatedAt) {
        throw refuse(
          'hanya kontak aktif yang belum terverifikasi yang dapat digabungkan',
          'contact',
        );
      }
      if (target.deactivatedAt) throw refuse('kontak tujuan tidak aktif');
      const now = this.clock.now();
      const moved: { id: string }[] = await manager.query(
        'SELECT id FROM tickets WHERE requester_contact_id = ?',
        [source.id],
      );
      await manager.query(
        'UPDATE tickets SET requester_contact_id = ?, opd_id = ? WHERE requester_contact_id = ?',
        [target.id, target.opdId, source.id],
      );
      await manager.update(
        RequesterContactEntity,
        { id: source.id },
        { deactivatedAt: now, mergedIntoId: target.id, updatedAt: now },
      );
      await endPortalAccess(manager, source.id, now);
      source.deactivatedAt = now;
      source.mergedIntoId = target.id;
      source.updatedAt = now;
      await this.audit.record(
        {
          actorId: user.id,
          action: 'contact.merged',
          entityType: 'requester_contact',
          entityId: source.id,
          before: { ...contactAudit(source), unverified: true },
          after: { mergedInto: target.id, tickets: moved.map((t) => t.id) },
        },
        manager,
      );
      return { contact: toContactView(source), into: toContactView(target), tickets: moved.length };
    });
  }

  /**
   * Inserts a contact (used by ticket opening inline). The OPD must belong to the office; when
   * none is given, the e-mail's domain picks it.
   */
  async insertContact(
    manager: EntityManager,
    office: string,
    input: ContactInput,
    actorId: string | null,
    /**
     * `viaChannel`: the requester is reached through the channel the ticket came by (a report
     * from SP4N-LAPOR!, whose reporter may stay anonymous), so neither address is needed.
     */
    options: { unverified?: boolean; viaChannel?: boolean } = {},
  ): Promise<RequesterContactEntity> {
    const email = input.email?.trim().toLowerCase() || null;
    if (!email && !input.phone?.trim() && !options.viaChannel) {
      throw new OpdError('contact.invalid', 'Kontak pemohon perlu e-mail atau nomor telepon.', [
        { path: 'requester', message: 'isi e-mail atau telepon' },
      ]);
    }
    // An address nobody proved they own says nothing about the OPD: no OPD from its domain.
    const unverified = options.unverified === true;
    const opdId = unverified
      ? null
      : await this.resolveOpd(manager, office, input.opdId ?? null, email);
    const contact: RequesterContactEntity = {
      id: randomUUID(),
      officeCode: office,
      opdId,
      name: input.name.trim(),
      email,
      phone: input.phone?.trim() || null,
      createdAt: this.clock.now(),
      unverified,
      mergedIntoId: null,
    };
    await manager.insert(RequesterContactEntity, contact);
    await this.audit.record(
      {
        actorId,
        action: 'contact.created',
        entityType: 'requester_contact',
        entityId: contact.id,
        after: {
          name: contact.name,
          email,
          phone: contact.phone,
          opdId,
          office,
          ...(unverified ? { unverified } : {}),
        },
      },
      manager,
    );
    return contact;
  }

  /** The named OPD (which must be the office's), else the one owning the e-mail's domain. */
  private async resolveOpd(
    manager: EntityManager,
    office: string,
    opdId: string | null,
    email: string | null,
    path = 'requester.opdId',
  ): Promise<string | null> {
    if (opdId) {
      const opd = await manager.findOne(OpdEntity, { where: { id: opdId } });
      if (!opd || opd.officeCode !== office) {
        throw new OpdError('opd.not_found', `OPD "${opdId}" tidak ada di kantor "${office}".`, [
          { path, message: 'OPD tidak dikenal di kantor ini' },
        ]);
      }
      return opd.id;
    }
    if (!email) return null;
    const match = await manager.findOne(OpdDomainEntity, {
      where: { officeCode: office, domain: email.split('@')[1] },
    });
    return match?.opdId ?? null;
  }

  async findContact(manager: EntityManager, id: string): Promise<RequesterContactEntity> {
    const contact = await manager.findOne(RequesterContactEntity, { where: { id } });
    if (!contact) throw new OpdError('contact.not_found', `Kontak pemohon "${id}" tidak ada.`);
    return contact;
  }

  assertCanRead(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin') || user.office === office) return;
    throw new OpdError('opd.forbidden', `Anda tidak berhak atas data kantor "${office}".`);
  }

  /** Admins, and managers or agents of the office. */
  assertCanManage(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin')) return;
    if (hasRole(user, 'manager', 'agent') && user.office === office) return;
    throw new OpdError(
      'opd.forbidden',
      `Hanya admin, kepala kantor atau helpdesk "${office}" yang boleh mengubah data OPD.`,
    );
  }

  private async find(manager: EntityManager, id: string): Promise<OpdEntity> {
    const opd = await manager.findOne(OpdEntity, { where: { id } });
    if (!opd) throw new OpdError('opd.not_found', `OPD "${id}" tidak ditemukan.`);
    return opd;
  }

  private async assertNameFree(
    manager: EntityManager,
    office: string,
    name: string,
    self: string | null,
  ): Promise<void> {
    const other = await manager.findOne(OpdEntity, { where: { officeCode: office, name } });
    if (other && other.id !== self) {
      throw new OpdError('opd.name_taken', `OPD bernama "${name}" sudah ada di kantor ${office}.`, [
        { path: 'name', message: 'nama sudah dipakai' },
      ]);
    }
  }

  private async assertDomainsFree(
    manager: EntityManager,
    office: string,
    domains: string[],
    self: string | null,
  ): Promise<void> {
    if (!domains.length) return;
    const taken = await manager.find(OpdDomainEntity, {
      where: { officeCode: office, domain: In(domains) },
    });
    const clashes = taken.filter((t) => t.opdId !== self);
    if (clashes.length) {
      throw new OpdError(
        'opd.domain_taken',
        `Domain sudah dipakai OPD lain di kantor ${office}: ${clashes.map((c) => c.domain).join(', ')}.`,
        clashes.map((c) => ({
          path: `emailDomains[${domains.indexOf(c.domain)}]`,
          message: 'domain sudah dipakai OPD lain',
        })),
      );
    }
  }

  private async views(manager: EntityManager, opds: OpdEntity[]): Promise<OpdView[]> {
    if (!opds.length) return [];
    const domains = await manager.find(OpdDomainEntity, {
      where: { opdId: In(opds.map((o) => o.id)) },
      order: { domain: 'ASC' },
    });
    return opds.map((o) => ({
      id: o.id,
      office: o.officeCode,
      name: o.name,
      emailDomains: domains.filter((d) => d.opdId === o.id).map((d) => d.domain),
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    }));
  }
}

function normaliseDomains(domains: string[]): string[] {
  const out = [...new Set(domains.map((d) => d.trim().toLowerCase()))];
  if (out.length !== domains.length) {
    throw new OpdError('opd.invalid', 'Daftar domain e-mail berisi domain ganda.', [
      { path: 'emailDomains', message: 'domain ganda' },
    ]);
  }
  return out;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Ends a contact's portal sessions and spends its sign-in links (deactivated or merged). */
async function endPortalAccess(
  manager: EntityManager,
  contactId: string,
  now: Date,
): Promise<void> {
  await manager.query(
    'UPDATE portal_sessions SET revoked_at = ? WHERE contact_id = ? AND revoked_at IS NULL',
    [dialectOf(manager).instant(now), contactId],
  );
  await manager.query(
    'UPDATE portal_sign_in_links SET used_at = ? WHERE contact_id = ? AND used_at IS NULL',
    [dialectOf(manager).instant(now), contactId],
  );
}

export function toContactView(c: RequesterContactEntity): RequesterContactView {
  return {
    id: c.id,
    office: c.officeCode,
    opdId: c.opdId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    emailBouncedAt: c.emailBouncedAt?.toISOString() ?? null,
    emailBounceReason: c.emailBounceReason ?? null,
    active: !c.deactivatedAt,
    deactivatedAt: c.deactivatedAt?.toISOString() ?? null,
    unverified: c.unverified === true,
    mergedInto: c.mergedIntoId ?? null,
  };
}

function contactAudit(c: RequesterContactEntity): Record<string, unknown> {
  return { name: c.name, email: c.email, phone: c.phone, opdId: c.opdId };
}
