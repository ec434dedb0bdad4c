import { Injectable } from '@nestjs/common';
import {
  CHANGE_RISKS,
  type ChangeApprovalPolicyView,
  type ChangeApprover,
  type ChangeRisk,
} from '@sigap/contracts';
import { parseDuration } from '@sigap/standards';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { FieldError } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity, PositionEntity } from '@sigap/api-offices';
import { assertCanReadOffice, assertCanSetPolicy } from './access';
import { ChangeError } from './change-error';
import type { ChangeApprovalPolicyDto } from './change.dto';
import { ChangeApprovalPolicyEntity } from './change.entity';

export type ChangeRules = { risk: ChangeRisk; approvers: ChangeApprover[] }[];

/** The time each approval has by default. */
export const DEFAULT_APPROVAL_TIME = '1 hari';

/**
 * Who approves a change, per risk level. Until the office sets its own, the head of office
 * (`kadis`, else the first position at the top of the chart) approves every level; a change
 * copies its approvers when opened, so a later edit of the policy moves no open change.
 */
@Injectable()
export class ChangePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(user: AuthUser, office: string): Promise<ChangeApprovalPolicyView> {
    assertCanReadOffice(user, office);
    await this.assertOffice(this.dataSource.manager, office);
    return this.read(this.dataSource.manager, office);
  }

  /** The approvers of one risk level in force for the office. */
  async approversFor(
    manager: EntityManager,
    office: string,
    risk: ChangeRisk,
  ): Promise<ChangeApprover[]> {
    const rules = await this.rules(manager, office);
    return rules.find((r) => r.risk === risk)?.approvers ?? [];
  }

  async replace(
    user: AuthUser,
    office: string,
    input: ChangeApprovalPolicyDto,
  ): Promise<ChangeApprovalPolicyView> {
    assertCanSetPolicy(user, office);
    return this.dataSource.transaction(async (manager) => {
      await this.assertOffice(manager, office);
      const positions = await this.activePositions(manager, office);
      const errors = policyProblems(input, positions);
      if (errors.length)
        throw new ChangeError('change.invalid', 'Aturan persetujuan tidak valid.', errors);
      const before = await this.read(manager, office);
      const rules: ChangeRules = CHANGE_RISKS.map((risk) => ({
        risk,
        approvers: (input.rules.find((r) => r.risk === risk)?.approvers ?? []).map((a) => ({
          position: a.position,
          time: a.time.trim(),
        })),
      }));
      await manager.save(ChangeApprovalPolicyEntity, {
        officeCode: office,
        rulesJson: JSON.stringify(rules),
        updatedAt: this.clock.now(),
        updatedBy: user.id,
      });
      const after = await this.read(manager, office);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'change_policy.replaced',
          entityType: 'office',
          entityId: office,
          before: { rules: before.rules, isDefault: before.isDefault },
          after: { rules: after.rules },
        },
        manager,
      );
      return after;
    });
  }

  private async rules(manager: EntityManager, office: string): Promise<ChangeRules> {
    const row = await manager.findOne(ChangeApprovalPolicyEntity, {
      where: { officeCode: office },
    });
    if (row) return JSON.parse(row.rulesJson) as ChangeRules;
    const positions = await manager.find(PositionEntity, {
      where: { officeCode: office, retiredAt: IsNull() },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    const head = positions.find((p) => p.code === 'kadis') ?? positions.find((p) => !p.reportsToId);
    const approvers = head ? [{ position: head.code, time: DEFAULT_APPROVAL_TIME }] : [];
    return CHANGE_RISKS.map((risk) => ({ risk, approvers: [...approvers] }));
  }

  private async read(manager: EntityManager, office: string): Promise<ChangeApprovalPolicyView> {
    const row = await manager.findOne(ChangeApprovalPolicyEntity, {
      where: { officeCode: office },
    });
    return {
      office,
      rules: await this.rules(manager, office),
      isDefault: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  private async activePositions(manager: EntityManager, office: string): Promise<Set<string>> {
    const rows = await manager.find(PositionEntity, {
      where: { officeCode: office, retiredAt: IsNull() },
    });
    return new Set(rows.filter((p) => !p.requesterSide).map((p) => p.code));
  }

  private async assertOffice(manager: EntityManager, code: string): Promise<void> {
    const found = /^[a-z0-9-]{1,40}$/.test(code)
      ? await manager.exists(OfficeEntity, { where: { code } })
      : false;
    if (!found) throw new ChangeError('change.office_not_found', `Kantor "${code}" tidak ada.`);
  }
}

/** What is wrong with a policy: a risk twice, an unknown position, one twice, a bad time. */
export function policyProblems(
  input: ChangeApprovalPolicyDto,
  positions: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.rules.forEach((rule, i) => {
    if (seen.has(rule.risk))
      errors.push({ path: `rules[${i}].risk`, message: 'tingkat risiko disebut dua kali' });
    seen.add(rule.risk);
    const named = new Set<string>();
    rule.approvers.forEach((a, j) => {
      const path = `rules[${i}].approvers[${j}]`;
      if (!positions.has(a.position))
        errors.push({ path: `${path}.position`, message: 'jabatan tidak dikenal di kantor ini' });
      if (named.has(a.position))
        errors.push({ path: `${path}.position`, message: 'jabatan disebut dua kali' });
      named.add(a.position);
      try {
        parseDuration(a.time.trim());
      } catch {
        errors.push({
          path: `${path}.time`,
          message: 'waktu tidak terbaca (mis. "1 hari", "4 jam")',
        });
      }
    });
  });
  return errors;
}
