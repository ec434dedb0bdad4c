import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * IT service management, first slice: the IT services each office runs (`it_services`), its
 * incident priority matrix (`incident_priority_matrices`, no row: the default), incidents
 * (`incidents`, one row per ticket of kind `incident`), the services a ticket touches
 * (`ticket_it_services`), and on `tickets` the priority (null for other kinds) and the calendar
 * its clocks run on (`support_hours`: null for the office's working time, `24x7`). Existing
 * tickets read as before.
 */
export class ItServicesIncidents1763902850000 implements MigrationInterface {
  name = 'ItServicesIncidents1763902850000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'it_services',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'code', type: 'varchar', length: '60' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'description', type: 'varchar', length: '2000', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'owner_position', type: 'varchar', length: '60' },
          { name: 'dependent_opd_ids', type: 'text' },
          { name: 'criticality', type: 'varchar', length: '8' },
          { name: 'support_hours', type: 'varchar', length: '8' },
          { name: 'public_status', type: 'boolean', default: false },
          { name: 'retired_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'UQ_it_services_office_code',
            columnNames: ['office_code', 'code'],
            isUnique: true,
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'incident_priority_matrices',
        columns: [
          { name: 'office_code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'cells_json', type: 'text' },
          { name: 'targets_json', type: 'text' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'updated_by', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'incidents',
        columns: [
          { name: 'ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'impact', type: 'varchar', length: '8' },
          { name: 'urgency', type: 'varchar', length: '8' },
          { name: 'priority', type: 'varchar', length: '4' },
          { name: 'priority_name', type: 'varchar', length: '40' },
          { name: 'response_time', type: 'varchar', length: '40' },
          { name: 'resolution_time', type: 'varchar', length: '40' },
          { name: 'support_hours', type: 'varchar', length: '8' },
          { name: 'owner_position', type: 'varchar', length: '60', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_it_services',
        columns: [
          { name: 'ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'it_service_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'position', type: 'int' },
        ],
        indices: [{ name: 'IDX_ticket_it_services_service', columnNames: ['it_service_id'] }],
      }),
    );
    await runner.addColumns('tickets', [
      new TableColumn({ name: 'priority', type: 'varchar', length: '4', isNullable: true }),
      new TableColumn({ name: 'support_hours', type: 'varchar', length: '8', isNullable: true }),
    ]);
    await runner.createIndex(
      'tickets',
      new TableIndex({
        name: 'IDX_tickets_office_priority',
        columnNames: ['office_code', 'priority', 'is_open'],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('tickets', 'IDX_tickets_office_priority');
    await runner.dropColumn('tickets', 'support_hours');
    await runner.dropColumn('tickets', 'priority');
    await runner.dropTable('ticket_it_services');
    await runner.dropTable('incidents');
    await runner.dropTable('incident_priority_matrices');
    await runner.dropTable('it_services');
  }
}
