import type { TicketDetail } from '@sigap/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';
import { ClockEventEntity } from '@sigap/api-tickets';
import { dbInstant } from '@sigap/api-database';
import {
  aliasedColumns,
  hydrateRow,
  insertRows,
  insertStatement,
  runBatch,
  runSql,
  selectRows,
  transactionConnection,
} from '@sigap/api-database';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';

/** `insertRows` stores exactly what `manager.insert` stores (dates, json, booleans, nulls). */
describeOnBothDatabases('tickets: multi-row inserts', (ctx, kind) => {
  let ticketId: string;
  let data: DataSource;

  beforeAll(async () => {
    const app = ctx();
    data = app.app.get(DataSource);
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await app.token('helpdesk.bali@sigap.local'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'portal',
        subject: 'Sisipan baris',
        description: 'x',
        requester: { name: 'Ketut', email: 'ketut@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    ticketId = (await data.manager.findOneByOrFail(TicketEntity, { number: res.body.number })).id;
  });

  it('reads back the same values as the ORM insert', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const entry = (body: string) => ({
      ticketId,
      kind: 'note' as const,
      event: null,
      authorId: null,
      body,
      data: { list: [1, 'dua'], nested: { ok: true } },
      at,
    });
    await insertRows(data.manager, TimelineEntryEntity, [entry('lewat insertRows'), entry('dua')]);
    await data.manager.insert(TimelineEntryEntity, entry('lewat ORM'));
    const rows = await data.manager.find(TimelineEntryEntity, {
      where: { ticketId, kind: 'note' },
      order: { id: 'ASC' },
    });
    expect(rows.map((r) => r.body)).toEqual(['lewat insertRows', 'dua', 'lewat ORM']);
    const strip = ({ id: _id, body: _body, ...rest }: TimelineEntryEntity) => rest;
    expect(strip(rows[0])).toEqual(strip(rows[2]));
    expect(rows[0].at.toISOString()).toBe(at.toISOString());
    expect(rows[0].data).toEqual({ list: [1, 'dua'], nested: { ok: true } });
    // Booleans and arrays of the step rows the opening wrote went through the same path.
    const steps = await data.manager.find(TicketStepEntity, {
      where: { ticketId },
      order: { stepOrder: 'ASC' },
    });
    expect(steps[0].requesterSide).toBe(true);
    expect(steps[1].requesterSide).toBe(false);
    expect(Array.isArray(steps[1].executors)).toBe(true);
  });

  it('refuses rows that do not define the same columns, writing nothing', async () => {
    const before = await data.manager.count(ClockEventEntity, { where: { ticketId } });
    const row = {
      ticketId,
      clock: 'ticket',
      round: 9,
      type: 'start' as const,
      at: new Date(),
      duration: null,
      reason: null,
    };
    const { reason: _reason, ...partial } = row;
    await expectAsync(
      insertRows(data.manager, ClockEventEntity, [row, partial]),
    ).toBeRejectedWithError(/row without "reason"/);
    expect(await data.manager.count(ClockEventEntity, { where: { ticketId } })).toBe(before);
  });

  it('selectRows hydrates like the ORM read, inside and outside a transaction', async () => {
    const orm = await data.manager.find(TicketStepEntity, {
      where: { ticketId },
      order: { stepOrder: 'ASC' },
    });
    const raw = await selectRows(
      data.manager,
      TicketStepEntity,
      'ticket_id = ? ORDER BY step_order',
      [ticketId],
    );
    expect(raw.length).toBe(orm.length);
    expect(raw.map((r) => ({ ...r }))).toEqual(orm.map((r) => ({ ...r })));
    const inTx = await data.transaction((m) => selectRows(m, TicketEntity, 'id = ?', [ticketId]));
    const ticket = await data.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    expect(inTx).toEqual([{ ...ticket }]);
    expect(inTx[0].createdAt instanceof Date).toBeTrue();
    expect(await selectRows(data.manager, TicketEntity, 'id = ?', ['tidak-ada'])).toEqual([]);
  });

  it('aliasedColumns and hydrateRow read an entity out of a join like the ORM read', async () => {
    const sql = `SELECT t.number AS number, ${aliasedColumns(data.manager, TicketStepEntity, 's', 'step_')}
                   FROM tickets t JOIN ticket_steps s ON s.ticket_id = t.id
                  WHERE t.id = ? ORDER BY s.step_order`;
    const joined = await data.transaction((m) =>
      runSql<Record<string, unknown>[]>(m, sql, [ticketId]),
    );
    const orm = await data.manager.find(TicketStepEntity, {
      where: { ticketId },
      order: { stepOrder: 'ASC' },
    });
    expect(joined.length).toBe(orm.length);
    expect(
      joined.map((r) => ({ ...hydrateRow(data.manager, TicketStepEntity, r, 'step_') })),
    ).toEqual(orm.map((r) => ({ ...r })));
    // The prefix keeps the entity's columns apart from the others of the row.
    const ticket = await data.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    expect(joined.every((r) => r['number'] === ticket.number)).toBeTrue();
    expect(hydrateRow(data.manager, TicketStepEntity, joined[0], 'step_').ticketId).toBe(ticketId);
  });

  it('runSql answers what manager.query answers and fails with QueryFailedError', async () => {
    const sql = 'SELECT number FROM tickets WHERE id = ?';
    const inTx = await data.transaction(async (m) => ({
      fast: await runSql<{ number: string }[]>(m, sql, [ticketId]),
      orm: await m.query(sql, [ticketId]),
    }));
    expect(inTx.fast).toEqual(inTx.orm);
    expect(inTx.fast.length).toBe(1);
    await expectAsync(
      data.transaction((m) => runSql(m, 'SELECT nothing FROM no_such_table')),
    ).toBeRejectedWith(jasmine.any(QueryFailedError));
    // A failed statement rolls its transaction back like any other.
    const before = await data.manager.count(ClockEventEntity, { where: { ticketId } });
    await expectAsync(
      data.transaction(async (m) => {
        await runSql(
          m,
          'INSERT INTO ticket_clock_events (ticket_id, clock, round, type, at) VALUES (?, ?, ?, ?, ?)',
          [ticketId, 'ticket', 7, 'start', dbInstant(m, new Date())],
        );
        await runSql(m, 'SELECT nothing FROM no_such_table');
      }),
    ).toBeRejected();
    expect(await data.manager.count(ClockEventEntity, { where: { ticketId } })).toBe(before);
    // The same insert alone commits (so the rollback above was the failure's doing).
    await data.transaction((m) =>
      runSql(
        m,
        'INSERT INTO ticket_clock_events (ticket_id, clock, round, type, at) VALUES (?, ?, ?, ?, ?)',
        [ticketId, 'ticket', 7, 'start', dbInstant(m, new Date())],
      ),
    );
    expect(await data.manager.count(ClockEventEntity, { where: { ticketId } })).toBe(before + 1);
  });

  it('runBatch answers each statement in order, in one request on MariaDB', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const note = (body: string) => ({
      ticketId,
      kind: 'note' as const,
      event: null,
      authorId: null,
      body,
      data: null,
      at,
    });
    let requests = 0;
    const answers = await data.transaction(async (manager) => {
      // Requests to the server counted around the batch alone, on the transaction's connection
      // (put back before the commit: the connection returns to the pool).
      const connection = transactionConnection(manager);
      const original = connection?.query;
      if (connection && original) {
        connection.query = (sql, values, callback) => {
          requests++;
          original.call(connection, sql, values, callback);
        };
      }
      const result = await runBatch(manager, [
        insertStatement(manager, TimelineEntryEntity, [note('batch satu'), note('batch dua')]),
        null,
        {
          sql: 'SELECT COUNT(*) AS n FROM ticket_timeline WHERE ticket_id = ? AND body LIKE ?',
          params: [ticketId, 'batch %'],
        },
        {
          sql: 'UPDATE tickets SET subject = ? WHERE id = ?',
          params: ['Sisipan baris (batch)', ticketId],
        },
      ]);
      if (connection && original) connection.query = original;
      return result;
    });
    expect(answers.length).toBe(3);
    expect(Number((answers[1] as { n: number | string }[])[0].n)).toBe(2);
    const ticket = await data.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    expect(ticket.subject).toBe('Sisipan baris (batch)');
    // MariaDB: the three statements went as one request; SQLite runs them one by one.
    if (kind === 'mysql') expect(requests).toBe(1);
  });

  it('runBatch stops at a failing statement and the transaction keeps nothing', async () => {
    const note = {
      ticketId,
      kind: 'note' as const,
      event: null,
      authorId: null,
      body: 'batch gagal',
      data: null,
      at: new Date(),
    };
    await expectAsync(
      data.transaction((manager) =>
        runBatch(manager, [
          insertStatement(manager, TimelineEntryEntity, [note]),
          { sql: 'INSERT INTO no_such_table (x) VALUES (?)', params: [1] },
          { sql: 'UPDATE tickets SET subject = ? WHERE id = ?', params: ['tidak boleh', ticketId] },
        ]),
      ),
    ).toBeRejectedWithError(QueryFailedError);
    expect(await data.manager.countBy(TimelineEntryEntity, { body: 'batch gagal' })).toBe(0);
    const ticket = await data.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    expect(ticket.subject).not.toBe('tidak boleh');
  });
});
