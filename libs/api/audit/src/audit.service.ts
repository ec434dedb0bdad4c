import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { insertStatement, runSql, type SqlStatement } from '@sigap/api-database';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log. Call it with the transaction's manager so both commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    record: AuditRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const statement = this.statement(record, manager);
    await runSql(manager, statement.sql, statement.params);
  }

  /**
   * The entry's insert, not yet run: for a caller that sends it in one batch with its own rows.
   * One raw statement (the ORM's insert builds a query builder per row, on hot paths).
   */
  statement(record: AuditRecord, manager: EntityManager): SqlStatement {
    return insertStatement(manager, AuditEntryEntity, [
      {
        at: new Date(),
        actorId: record.actorId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: record.before === undefined ? null : JSON.stringify(record.before),
        after: record.after === undefined ? null : JSON.stringify(record.after),
      },
    ]) as SqlStatement;
  }

  /** Newest first, for one entity. */
  async forEntity(entityType: string, entityId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({
      where: { entityType, entityId },
      order: { id: 'DESC' },
    });
  }
}
