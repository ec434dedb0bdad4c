import { Injectable } from '@nestjs/common';
import type { PriorityMatrixView } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { assertCanEdit, assertCanRead } from './access';
import type { PriorityMatrixDto } from './it-service.dto';
import { PriorityMatrixEntity } from './it-service.entity';
import { ItServiceError } from './it-service-error';
import { DEFAULT_PRIORITY_MATRIX, matrixProblems, type PriorityMatrix } from './priority';

/**
 * Each office's incident priority matrix. Until an admin or the office's manager sets one, the
 * default (P1 15 menit / 4 jam ... P4 1 hari / 5 hari) is in force; a change applies to incidents
 * opened or re-prioritised after it (an incident keeps the targets it was given).
 */
@Injectable()
export class PriorityMatrixService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(user: AuthUser, office: string): Promise<PriorityMatrixView> {
    assertCanRead(user, office);
    await this.office(this.dataSource.manager, office);
    return this.read(this.dataSource.manager, office);
  }

  /** The office's matrix in force (its own or the default); the office is not checked. */
  async matrix(manager: EntityManager, office: string): Promise<PriorityMatrix> {
    const row = await manager.findOne(PriorityMatrixEntity, { where: { officeCode: office } });
    return row
      ? { cells: JSON.parse(row.cellsJson), targets: JSON.parse(row.targetsJson) }
      : DEFAULT_PRIORITY_MATRIX;
  }

  async replace(
    user: AuthUser,
    office: string,
    input: PriorityMatrixDto,
  ): Promise<PriorityMatrixView> {
    assertCanEdit(user, office);
    const errors = matrixProblems(input);
    if (errors.length)
      throw new ItServiceError('it_service.invalid', 'Matriks prioritas tidak valid.', errors);
    return this.dataSource.transaction(async (manager) => {
      await this.office(manager, office);
      const before = await this.read(manager, office);
      const row: PriorityMatrixEntity = {
        officeCode: office,
        cellsJson: JSON.stringify(
          input.cells.map((c) => ({ impact: c.impact, urgency: c.urgency, priority: c.priority })),
        ),
        targetsJson: JSON.stringify(
          [...input.targets]
            .sort((a, b) => a.priority.localeCompare(b.priority))
            .map((t) => ({
              priority: t.priority,
              name: t.name,
              response: t.response,
              resolution: t.resolution,
            })),
        ),
        updatedAt: this.clock.now(),
        updatedBy: user.id,
      };
      await manager.save(PriorityMatrixEntity, row);
      const after = await this.read(manager, office);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'priority_matrix.replaced',
          entityType: 'office',
          entityId: office,
          before: { cells: before.cells, targets: before.targets, isDefault: before.isDefault },
          after: { cells: after.cells, targets: after.targets },
        },
        manager,
      );
      return after;
    });
  }

  private async read(manager: EntityManager, office: string): Promise<PriorityMatrixView> {
    const row = await manager.findOne(PriorityMatrixEntity, { where: { officeCode: office } });
    const matrix = await this.matrix(manager, office);
    return {
      office,
      cells: [...matrix.cells],
      targets: [...matrix.targets],
      isDefault: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  private async office(manager: EntityManager, code: string): Promise<void> {
    const found = /^[a-z0-9-]{1,40}$/.test(code)
      ? await manager.exists(OfficeEntity, { where: { code } })
      : false;
    if (!found)
      throw new ItServiceError('it_service.office_not_found', `Kantor "${code}" tidak ada.`);
  }
}
