import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/** Portable column helpers (same shapes as the initial schema): MySQL/MariaDB and SQLite. */
function isMysql(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'mysql';
}

const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
const int = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  ...(dflt === undefined ? {} : { default: dflt }),
});
const flag = (name: string, dflt = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: dflt,
});
const bigText = (runner: QueryRunner, name: string, nullable = false): TableColumnOptions => ({
  name,
  type: isMysql(runner) ? 'longtext' : 'text',
  isNullable: nullable,
});
const autoId = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const fk = (
  table: string,
  column: string,
  target: string,
  targetColumn: string,
  onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT',
) =>
  new TableForeignKey({
    name: `fk_${table}_${column}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: [targetColumn],
    onDelete,
  });

/**
 * Tickets and what they need: OPDs with their e-mail domains, requester contacts, password
 * reset tokens, the outbox, per-office ticket counters, tickets with their checklist, steps,
 * clock event logs and timeline, and attachments.
 */
export class Tickets1763900200000 implements MigrationInterface {
  name = 'Tickets1763900200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'opds',
        columns: [
          id(),
          str('office_code', 40),
          str('name', 200),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_opds_office_name',
            columnNames: ['office_code', 'name'],
            isUnique: true,
          }),
        ],
        foreignKeys: [fk('opds', 'office_code', 'offices', 'code', 'RESTRICT')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'opd_email_domains',
        columns: [
          { ...str('office_code', 40), isPrimary: true },
          { ...str('domain', 253), isPrimary: true },
          str('opd_id', 36),
        ],
        indices: [new TableIndex({ name: 'ix_opd_email_domains_opd', columnNames: ['opd_id'] })],
        foreignKeys: [fk('opd_email_domains', 'opd_id', 'opds', 'id', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'requester_contacts',
        columns: [
          id(),
          str('office_code', 40),
          str('opd_id', 36, true),
          str('name', 200),
          str('email', 254, true),
          str('phone', 40, true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_requester_contacts_office_email',
            columnNames: ['office_code', 'email'],
          }),
        ],
        foreignKeys: [
          fk('requester_contacts', 'office_code', 'offices', 'code', 'RESTRICT'),
          fk('requester_contacts', 'opd_id', 'opds', 'id', 'SET NULL'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'password_resets',
        columns: [
          id(),
          str('user_id', 36),
          str('token_hash', 64),
          instant('expires_at'),
          instant('used_at', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_password_resets_token',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_password_resets_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [fk('password_resets', 'user_id', 'users', 'id', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          id(),
          str('kind', 60),
          bigText(runner, 'payload'),
          str('status', 16),
          instant('created_at'),
          int('attempts', false, 0),
          instant('next_attempt_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_outbox_status_next',
            columnNames: ['status', 'next_attempt_at'],
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_counters',
        columns: [
          { ...str('office_code', 40), isPrimary: true },
          { ...int('year'), isPrimary: true },
          int('last_value'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'tickets',
        columns: [
          id(),
          str('number', 40),
          str('office_code', 40),
          str('service_id', 36),
          str('service_code', 80),
          int('service_version'),
          str('channel', 16),
          str('requester_contact_id', 36),
          str('opd_id', 36, true),
          str('subject', 300),
          { name: 'description', type: 'text' },
          str('status', 16),
          flag('is_open', true),
          str('assignee_id', 36, true),
          int('version'),
          int('clock_round', false, 1),
          str('created_by', 36, true),
          instant('created_at'),
          instant('updated_at'),
          instant('received_at'),
          instant('resolved_at', true),
          instant('closed_at', true),
          // Ticket clock, computed from its event log and stored for querying.
          str('sla_state', 16),
          instant('due_at'),
          instant('target_due_at', true),
          instant('at_risk_at', true),
          str('calendar_version', 32, true),
          bigText(runner, 'sla_snapshot', true),
          // First-response clock.
          str('first_response_state', 16),
          instant('first_response_due_at', true),
          instant('first_response_at', true),
          str('alerted', 16, true),
        ],
        indices: [
          new TableIndex({ name: 'uq_tickets_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({
            name: 'ix_tickets_queue',
            columnNames: ['office_code', 'is_open', 'due_at', 'id'],
          }),
          new TableIndex({
            name: 'ix_tickets_sweep',
            columnNames: ['is_open', 'sla_state', 'at_risk_at'],
          }),
          new TableIndex({ name: 'ix_tickets_due', columnNames: ['is_open', 'due_at'] }),
          new TableIndex({ name: 'ix_tickets_assignee', columnNames: ['assignee_id', 'is_open'] }),
          new TableIndex({ name: 'ix_tickets_opd', columnNames: ['opd_id', 'due_at'] }),
          new TableIndex({ name: 'ix_tickets_service', columnNames: ['service_id', 'due_at'] }),
        ],
        foreignKeys: [
          fk('tickets', 'office_code', 'offices', 'code', 'RESTRICT'),
          fk('tickets', 'service_id', 'catalog_services', 'id', 'RESTRICT'),
          fk('tickets', 'requester_contact_id', 'requester_contacts', 'id', 'RESTRICT'),
          fk('tickets', 'opd_id', 'opds', 'id', 'SET NULL'),
          fk('tickets', 'assignee_id', 'users', 'id', 'SET NULL'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_checklist_items',
        columns: [
          id(),
          str('ticket_id', 36),
          int('sort_order'),
          str('code', 40),
          { name: 'text', type: 'text' },
          { name: 'options', type: 'text', isNullable: true },
          flag('optional'),
          str('status', 16),
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'attachment_ids', type: 'text', isNullable: true },
          str('updated_by', 36, true),
          instant('updated_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'uq_ticket_checklist_ticket_code',
            columnNames: ['ticket_id', 'code'],
            isUnique: true,
          }),
        ],
        foreignKeys: [fk('ticket_checklist_items', 'ticket_id', 'tickets', 'id', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_steps',
        columns: [
          id(),
          str('ticket_id', 36),
          str('office_code', 40),
          int('step_order'),
          { name: 'description', type: 'text' },
          str('position_code', 60),
          { name: 'executors', type: 'text' },
          str('time_text', 100, true),
          flag('requester_side'),
          flag('parallel_with_previous'),
          str('status', 16),
          str('assignee_id', 36, true),
          { name: 'output_text', type: 'text', isNullable: true },
          str('output_attachment_id', 36, true),
          instant('activated_at', true),
          instant('completed_at', true),
          str('completed_by', 36, true),
          str('sla_state', 16),
          instant('due_at', true),
          instant('target_due_at', true),
          instant('at_risk_at', true),
          bigText(runner, 'sla_snapshot', true),
          str('alerted', 16, true),
        ],
        indices: [
          new TableIndex({
            name: 'uq_ticket_steps_ticket_order',
            columnNames: ['ticket_id', 'step_order'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_ticket_steps_assignee',
            columnNames: ['assignee_id', 'status'],
          }),
          new TableIndex({
            name: 'ix_ticket_steps_position',
            columnNames: ['office_code', 'position_code', 'status'],
          }),
          new TableIndex({
            name: 'ix_ticket_steps_sweep',
            columnNames: ['status', 'sla_state', 'at_risk_at'],
          }),
        ],
        foreignKeys: [
          fk('ticket_steps', 'ticket_id', 'tickets', 'id', 'CASCADE'),
          fk('ticket_steps', 'assignee_id', 'users', 'id', 'SET NULL'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_clock_events',
        columns: [
          autoId(),
          str('ticket_id', 36),
          str('clock', 24),
          int('round', false, 1),
          str('type', 16),
          instant('at'),
          { name: 'duration', type: 'varchar', length: '200', isNullable: true },
          str('reason', 200, true),
        ],
        indices: [
          new TableIndex({
            name: 'ix_ticket_clock_events_ticket',
            columnNames: ['ticket_id', 'clock', 'round', 'id'],
          }),
        ],
        foreignKeys: [fk('ticket_clock_events', 'ticket_id', 'tickets', 'id', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_timeline',
        columns: [
          autoId(),
          str('ticket_id', 36),
          str('kind', 16),
          str('event', 60, true),
          str('author_id', 36, true),
          { name: 'body', type: 'text', isNullable: true },
          { name: 'data', type: 'text', isNullable: true },
          instant('at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_ticket_timeline_ticket', columnNames: ['ticket_id', 'id'] }),
        ],
        foreignKeys: [fk('ticket_timeline', 'ticket_id', 'tickets', 'id', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          id(),
          str('office_code', 40),
          str('ticket_id', 36, true),
          str('sha256', 64),
          { name: 'size', type: 'bigint' },
          str('media_type', 100),
          str('file_name', 255),
          str('uploaded_by', 36, true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_attachments_ticket', columnNames: ['ticket_id'] }),
          new TableIndex({ name: 'ix_attachments_sha256', columnNames: ['sha256'] }),
        ],
        foreignKeys: [fk('attachments', 'ticket_id', 'tickets', 'id', 'CASCADE')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'attachments',
      'ticket_timeline',
      'ticket_clock_events',
      'ticket_steps',
      'ticket_checklist_items',
      'tickets',
      'ticket_counters',
      'outbox',
      'password_resets',
      'requester_contacts',
      'opd_email_domains',
      'opds',
    ]) {
      await runner.dropTable(table, true, true, true);
    }
  }
}
