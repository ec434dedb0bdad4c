import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Complaints (pengaduan, saran, masukan) are tickets of kind `complaint`: the tickets table gets
 * its kind and the ticket a complaint is about; the complaint's own facts (category, how it was
 * filed, its SP4N-LAPOR! tracking) live in `complaints`, one row per complaint ticket. A
 * complaint need not name a service, so the ticket's service columns accept null (the triage
 * work may have made them so already: then they are left as they are).
 */
export class Complaints1763901200000 implements MigrationInterface {
  name = 'Complaints1763901200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('tickets', [
      new TableColumn({
        name: 'kind',
        type: 'varchar',
        length: '16',
        isNullable: false,
        default: "'request'",
      }),
      new TableColumn({
        name: 'related_ticket_id',
        type: 'varchar',
        length: '36',
        isNullable: true,
      }),
    ]);
    await runner.createIndex(
      'tickets',
      new TableIndex({
        name: 'idx_tickets_office_kind',
        columnNames: ['office_code', 'kind', 'is_open'],
      }),
    );
    const tickets = await runner.getTable('tickets');
    const strict = ['service_id', 'service_code', 'service_version']
      .map((name) => tickets?.findColumnByName(name))
      .filter((c): c is TableColumn => !!c && !c.isNullable);
    if (tickets && strict.length) {
      await runner.changeColumns(
        tickets,
        strict.map((c) => {
          const loose = c.clone();
          loose.isNullable = true;
          return { oldColumn: c, newColumn: loose };
        }),
      );
    }
    await runner.createTable(
      new Table({
        name: 'complaints',
        columns: [
          { name: 'ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'category', type: 'varchar', length: '16' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'lapor_tracking_id', type: 'varchar', length: '80', isNullable: true },
          { name: 'lapor_status', type: 'varchar', length: '60', isNullable: true },
          { name: 'lapor_forwarded_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'lapor_synced_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'lapor_seen', type: 'int', default: 0 },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_complaints_office', columnNames: ['office_code', 'category'] },
          { name: 'uq_complaints_lapor', columnNames: ['lapor_tracking_id'], isUnique: true },
        ],
        foreignKeys: [
          {
            name: 'fk_complaints_ticket_id',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('complaints');
    await runner.dropIndex('tickets', 'idx_tickets_office_kind');
    await runner.dropColumn('tickets', 'related_ticket_id');
    await runner.dropColumn('tickets', 'kind');
    // The service columns stay nullable: rows written since may have no service.
  }
}
