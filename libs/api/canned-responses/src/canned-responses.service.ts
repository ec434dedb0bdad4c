import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CannedResponseView } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { isUniqueViolation } from '@sigap/api-database';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OfficeError } from '@sigap/api-offices';
import { OfficesService } from '@sigap/api-offices';
import { CannedResponseEntity } from './canned-response.entity';
import { CannedResponseError } from './canned-response-error';
import { scanPlaceholders } from './placeholders';

/** Canned responses: read by everyone of the office, kept by its agents, managers and admins. */
@Injectable()
export class CannedResponsesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offices: OfficesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, office?: string): Promise<CannedResponseView[]> {
    const where = office ?? user.office;
    if (!where) return [];
    this.assertCanRead(user, where);
    const rows = await this.dataSource.getRepository(CannedResponseEntity).find({
      where: { officeCode: where },
      order: { title: 'ASC' },
    });
    return rows.map(toView);
  }

  async get(user: AuthUser, id: string): Promise<CannedResponseView> {
    const row = await this.find(this.dataSource.manager, id);
    this.assertCanRead(user, row.officeCode);
    return toView(row);
  }

  async create(
    user: AuthUser,
    input: { office: string; title: string; body: string },
  ): Promise<CannedResponseView> {
    this.assertCanManage(user, input.office);
    const title = input.title.trim();
    checkBody(input.body);
    return titleRace(title, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.offices.exists(input.office, manager)))
          throw OfficeError.notFound(input.office);
        await this.assertTitleFree(manager, input.office, title, null);
        const now = this.clock.now();
        const row: CannedResponseEntity = {
          id: randomUUID(),
          officeCode: input.office,
          title,
          body: input.body,
          updatedBy: user.id,
          createdAt: now,
          updatedAt: now,
        };
        await manager.insert(CannedResponseEntity, row);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'canned-response.created',
            entityType: 'canned-response',
            entityId: row.id,
            after: { office: row.officeCode, title: row.title },
          },
          manager,
        );
        return toView(row);
      }),
    );
  }

  async update(
    user: AuthUser,
    id: string,
    input: { title?: string; body?: string },
  ): Promise<CannedResponseView> {
    if (input.body !== undefined) checkBody(input.body);
    return titleRace(input.title?.trim() ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const row = await this.find(manager, id);
        this.assertCanManage(user, row.officeCode);
        const before = { title: row.title, body: row.body };
        if (input.title !== undefined) {
          const title = input.title.trim();
          await this.assertTitleFree(manager, row.officeCode, title, row.id);
          row.title = title;
        }
        if (input.body !== undefined) row.body = input.body;
        row.updatedAt = this.clock.now();
        row.updatedBy = user.id;
        await manager.update(
          CannedResponseEntity,
          { id: row.id },
          { title: row.title, body: row.body, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
        );
        await this.audit.record(
          {
            actorId: user.id,
            action: 'canned-response.updated',
            entityType: 'canned-response',
            entityId: row.id,
            before,
            after: { title: row.title, body: row.body },
          },
          manager,
        );
        return toView(row);
      }),
    );
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, id);
      this.assertCanManage(user, row.officeCode);
      await manager.delete(CannedResponseEntity, { id: row.id });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'canned-response.deleted',
          entityType: 'canned-response',
          entityId: row.id,
          before: { office: row.officeCode, title: row.title, body: row.body },
        },
        manager,
      );
    });
  }

  private assertCanRead(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin') || user.office === office) return;
    throw new CannedResponseError(
      'canned.forbidden',
      `Anda tidak berhak atas jawaban siap pakai kantor "${office}".`,
    );
  }

  private assertCanManage(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin')) return;
    if (hasRole(user, 'manager', 'agent') && user.office === office) return;
    throw new CannedResponseError(
      'canned.forbidden',
      `Hanya admin, kepala kantor atau helpdesk "${office}" yang boleh mengubah jawaban siap pakai.`,
    );
  }

  private async find(manager: EntityManager, id: string): Promise<CannedResponseEntity> {
    const row = await manager.findOne(CannedResponseEntity, { where: { id } });
    if (!row)
      throw new CannedResponseError('canned.not_found', `Jawaban siap pakai "${id}" tidak ada.`);
    return row;
  }

  private async assertTitleFree(
    manager: EntityManager,
    office: string,
    title: string,
    exceptId: string | null,
  ): Promise<void> {
    const same = await manager
      .getRepository(CannedResponseEntity)
      .createQueryBuilder('c')
      .where('c.office_code = :office', { office })
      .andWhere('LOWER(c.title) = :title', { title: title.toLowerCase() })
      .getOne();
    if (same && same.id !== exceptId) throw titleTaken(title);
  }
}

function titleTaken(title: string): CannedResponseError {
  return new CannedResponseError(
    'canned.title_taken',
    `Judul "${title}" sudah dipakai jawaban lain di kantor ini.`,
    [{ path: 'title', message: 'judul sudah dipakai' }],
  );
}

/** Two saves of the same title at once: the one the unique index refuses is a 409 too. */
async function titleRace<T>(title: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(title);
    throw error;
  }
}

function checkBody(body: string): void {
  const { unknown } = scanPlaceholders(body);
  if (unknown.length) {
    throw new CannedResponseError(
      'canned.unknown_placeholder',
      `Placeholder tidak dikenal: ${unknown.map((name) => `{{${name}}}`).join(', ')}.`,
      [{ path: 'body', message: `placeholder tidak dikenal: ${unknown.join(', ')}` }],
    );
  }
}

function toView(row: CannedResponseEntity): CannedResponseView {
  return {
    id: row.id,
    office: row.officeCode,
    title: row.title,
    body: row.body,
    placeholders: scanPlaceholders(row.body).known,
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  };
}
