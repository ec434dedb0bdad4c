import { Injectable } from '@nestjs/common';
import {
  DEFAULT_COMPLAINT_TIER,
  type ComplaintTier,
  type ComplaintTierList,
} from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { ComplaintError } from './complaint-error';
import { ComplaintTierEntity } from './complaint-tier.entity';

const toTier = (t: ComplaintTierEntity): ComplaintTier => ({
  code: t.code,
  name: t.name,
  description: t.description,
  workingDays: t.workingDays,
});

/**
 * The complaint tiers an office publishes, each with its answer time in working days. Admins
 * replace an office's list as a whole (audited, before and after); an office without tiers
 * answers every complaint in SP4N-LAPOR!'s 5 working days, which also stays the tier of a
 * complaint for which the agent picks none.
 */
@Injectable()
export class ComplaintTiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(officeCode: string, manager?: EntityManager): Promise<ComplaintTierList> {
    const m = manager ?? this.dataSource.manager;
    await this.office(m, officeCode);
    return {
      office: officeCode,
      tiers: await this.tiers(m, officeCode),
      default: DEFAULT_COMPLAINT_TIER,
    };
  }

  /** The office's tiers in order (empty when it publishes none); the office is not checked. */
  async tiers(manager: EntityManager, officeCode: string): Promise<ComplaintTier[]> {
    const rows = await manager.find(ComplaintTierEntity, {
      where: { officeCode },
      order: { position: 'ASC' },
    });
    return rows.map(toTier);
  }

  /** One tier of the office by its code, for filing a complaint; null when there is none such. */
  async find(
    manager: EntityManager,
    officeCode: string,
    code: string,
  ): Promise<ComplaintTier | null> {
    const row = await manager.findOne(ComplaintTierEntity, { where: { officeCode, code } });
    return row ? toTier(row) : null;
  }

  async replace(
    user: AuthUser,
    officeCode: string,
    tiers: ComplaintTier[],
  ): Promise<ComplaintTierList> {
    const seen = new Set<string>();
    const errors: { path: string; message: string }[] = [];
    tiers.forEach((t, i) => {
      if (t.code === DEFAULT_COMPLAINT_TIER.code) {
        errors.push({ path: `tiers[${i}].code`, message: 'kode ini dipakai tingkatan bawaan' });
      }
      if (seen.has(t.code))
        errors.push({ path: `tiers[${i}].code`, message: 'kode tingkatan ganda' });
      seen.add(t.code);
    });
    if (errors.length) {
      throw new ComplaintError(
        'complaint.invalid',
        'Daftar tingkatan pengaduan tidak valid.',
        errors,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await this.office(manager, officeCode);
      const before = await this.tiers(manager, officeCode);
      await manager.delete(ComplaintTierEntity, { officeCode });
      if (tiers.length) {
        await manager.insert(
          ComplaintTierEntity,
          tiers.map((t, i) => ({
            officeCode,
            code: t.code,
            position: i + 1,
            name: t.name,
            description: t.description ?? null,
            workingDays: t.workingDays,
          })),
        );
      }
      const after = await this.tiers(manager, officeCode);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'complaint_tiers.replaced',
          entityType: 'office',
          entityId: officeCode,
          before,
          after,
        },
        manager,
      );
      return { office: officeCode, tiers: after, default: DEFAULT_COMPLAINT_TIER };
    });
  }

  private async office(manager: EntityManager, code: string): Promise<void> {
    const found = /^[a-z0-9-]{1,40}$/.test(code)
      ? await manager.exists(OfficeEntity, { where: { code } })
      : false;
    if (!found)
      throw new ComplaintError('complaint.office_not_found', `Kantor "${code}" tidak ada.`);
  }
}
