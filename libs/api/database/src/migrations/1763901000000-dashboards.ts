import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const str = (
  name: string,
  length: number,
  nullable = false,
  primary = false,
): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  isPrimary: primary,
  ...(nullable || primary ? {} : { default: "''" }),
});
const int = (name: string, nullable = false, primary = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  isPrimary: primary,
  ...(nullable || primary ? {} : { default: 0 }),
});
const big = (name: string): TableColumnOptions => ({ name, type: 'bigint', default: 0 });
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});

/**
 * SLA dashboards: one fact row per closed ticket and per completed step (the working-time
 * figures of their frozen clocks), monthly rollups of those facts per office, histograms of
 * working minutes for medians and p90s, and the refresh watermark. All of it is derived from
 * the tickets and rebuilt incrementally by the dashboards' refresh job: no source of truth here.
 * Empty strings stand for "none" in key columns (no OPD, no agent) so they can be primary keys.
 */
export class Dashboards1763901000000 implements MigrationInterface {
  name = 'Dashboards1763901000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'dash_ticket_facts',
        columns: [
          str('ticket_id', 36, false, true),
          str('office_code', 40),
          int('month'),
          str('service_code', 80),
          str('opd_id', 36),
          str('assignee_id', 36),
          str('outcome', 16),
          int('elapsed_min'),
          int('target_min'),
          int('bucket'),
          str('fr_outcome', 16, true),
          int('fr_min', true),
          int('fr_bucket', true),
          instant('stopped_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_dash_tf_month', columnNames: ['office_code', 'month'] }),
          new TableIndex({
            name: 'ix_dash_tf_opd',
            columnNames: ['office_code', 'opd_id', 'month'],
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_step_facts',
        columns: [
          str('step_id', 36, false, true),
          str('ticket_id', 36),
          str('office_code', 40),
          int('month'),
          str('service_code', 80),
          str('opd_id', 36),
          int('step_order'),
          str('position_code', 60),
          str('holder_id', 36),
          str('outcome', 16),
          int('elapsed_min'),
          int('target_min'),
          str('time_text', 100, true),
          int('bucket'),
          instant('stopped_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_dash_sf_ticket', columnNames: ['ticket_id'] }),
          new TableIndex({ name: 'ix_dash_sf_month', columnNames: ['office_code', 'month'] }),
          // The OPD and holder filters read the facts: covering indexes keep those reads off
          // the table rows.
          new TableIndex({
            name: 'ix_dash_sf_opd',
            columnNames: [
              'office_code',
              'opd_id',
              'month',
              'service_code',
              'step_order',
              'position_code',
              'holder_id',
              'bucket',
              'outcome',
              'elapsed_min',
              'target_min',
              'time_text',
            ],
          }),
          new TableIndex({
            name: 'ix_dash_sf_holder',
            columnNames: [
              'holder_id',
              'month',
              'office_code',
              'service_code',
              'step_order',
              'position_code',
              'bucket',
              'outcome',
              'elapsed_min',
              'target_min',
              'time_text',
            ],
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_ticket_month',
        columns: [
          str('office_code', 40, false, true),
          int('month', false, true),
          str('service_code', 80, false, true),
          str('opd_id', 36, false, true),
          str('assignee_id', 36, false, true),
          int('total'),
          int('met'),
          int('met_late'),
          int('breached'),
          big('elapsed_sum'),
          int('fr_total'),
          int('fr_met'),
          int('fr_met_late'),
          int('fr_breached'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_step_month',
        columns: [
          str('office_code', 40, false, true),
          int('month', false, true),
          str('service_code', 80, false, true),
          int('step_order', false, true),
          str('position_code', 60, false, true),
          str('holder_id', 36, false, true),
          int('total'),
          int('met'),
          int('met_late'),
          int('breached'),
          big('elapsed_sum'),
          int('target_min'),
          str('time_text', 100, true),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_hist',
        columns: [
          str('office_code', 40, false, true),
          str('kind', 8, false, true),
          int('month', false, true),
          str('service_code', 80, false, true),
          int('step_order', false, true),
          str('position_code', 60, false, true),
          // Steps: who completed them (a position has one or two holders, so few more rows).
          str('holder_id', 36, false, true),
          int('bucket', false, true),
          int('n'),
          big('sum_min'),
        ],
      }),
    );
    // The same rollups per OPD, read when the OPD filter is set (far fewer rows than facts).
    await runner.createTable(
      new Table({
        name: 'dash_step_opd_month',
        columns: [
          str('office_code', 40, false, true),
          str('opd_id', 36, false, true),
          int('month', false, true),
          str('service_code', 80, false, true),
          int('step_order', false, true),
          str('position_code', 60, false, true),
          int('total'),
          int('met'),
          int('met_late'),
          int('breached'),
          big('elapsed_sum'),
          int('target_min'),
          str('time_text', 100, true),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_hist_opd',
        columns: [
          str('office_code', 40, false, true),
          str('kind', 8, false, true),
          str('opd_id', 36, false, true),
          int('month', false, true),
          str('service_code', 80, false, true),
          int('step_order', false, true),
          str('position_code', 60, false, true),
          int('bucket', false, true),
          int('n'),
          big('sum_min'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dash_refresh',
        columns: [
          int('id', false, true),
          instant('watermark', true),
          instant('refreshed_at', true),
        ],
      }),
    );
    // Workload and steps at risk read an office's active steps.
    await runner.createIndex(
      'ticket_steps',
      new TableIndex({
        name: 'ix_ticket_steps_open',
        columnNames: ['office_code', 'status', 'position_code', 'sla_state', 'assignee_id'],
      }),
    );
    // The refresh reads the tickets changed since its watermark.
    await runner.createIndex(
      'tickets',
      new TableIndex({ name: 'ix_tickets_updated', columnNames: ['updated_at', 'id'] }),
    );
    await runner.query(
      'INSERT INTO dash_refresh (id, watermark, refreshed_at) VALUES (1, NULL, NULL)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('tickets', 'ix_tickets_updated');
    await runner.dropIndex('ticket_steps', 'ix_ticket_steps_open');
    for (const table of [
      'dash_refresh',
      'dash_hist_opd',
      'dash_step_opd_month',
      'dash_hist',
      'dash_step_month',
      'dash_ticket_month',
      'dash_step_facts',
      'dash_ticket_facts',
    ])
      await runner.dropTable(table);
  }
}
