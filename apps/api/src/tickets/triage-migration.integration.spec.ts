import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from '../entities';
import { TriageAndMailboxes1763900900000 } from '@sigap/api-database';
import { InboundMessageEntity } from '@sigap/api-mail';
import {
  DATABASES,
  createTestDatabase,
  startTestApp,
  testConfig,
  type TestDatabase,
} from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { TriageBacklogService } from '@sigap/api-mail';

/**
 * The triage migration makes the tickets' service columns nullable: on SQLite that rebuilds the
 * table. Tickets already there keep their steps, checklist, clock events and timeline through it
 * (the children reference `tickets` with ON DELETE CASCADE), down and up again.
 */
for (const kind of DATABASES) {
  describe(`triage migration keeps existing tickets [${kind}]`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const app = await startTestApp(db);
      try {
        const res = await app.request('POST', '/api/v1/tickets', {
          token: await app.token('helpdesk.bali@sigap.local'),
          body: {
            office: 'bali',
            service: 'pengembangan-aplikasi',
            channel: 'letter',
            subject: 'Sebelum migrasi',
            description: 'Tiket lama.',
            requester: { name: 'Lama', email: 'lama@diskes.baliprov.go.id' },
          },
        });
        expect(res.status).withContext(res.text).toBe(201);
      } finally {
        await app.close();
      }
    }, 60_000);

    afterAll(async () => {
      await db?.drop();
    });

    it('down past it and up again, with the rows of every child table intact', async () => {
      const ds = new DataSource(dataSourceOptions(testConfig(db), ENTITIES));
      await ds.initialize();
      try {
        const counts = async () => {
          const out: number[] = [];
          for (const table of [
            'tickets',
            'ticket_steps',
            'ticket_checklist_items',
            'ticket_clock_events',
            'ticket_timeline',
          ]) {
            const rows: { n: number | string }[] = await ds.query(
              `SELECT COUNT(*) AS n FROM ${table}`,
            );
            out.push(Number(rows[0].n));
          }
          return out;
        };
        const before = await counts();
        expect(before.every((n) => n > 0))
          .withContext(String(before))
          .toBeTrue();
        const migration = new TriageAndMailboxes1763900900000();
        const runner = ds.createQueryRunner();
        try {
          // Reverted as TypeORM reverts: inside a transaction.
          await runner.startTransaction();
          await migration.down(runner);
          await runner.commitTransaction();
          expect(await counts()).toEqual(before);
          expect(await runner.hasTable('mailboxes')).toBeFalse();
          // Applied as TypeORM applies pending migrations (foreign keys off on SQLite first).
          await runner.beforeMigration();
          await runner.startTransaction();
          await migration.up(runner);
          await runner.commitTransaction();
          await runner.afterMigration();
        } finally {
          await runner.release();
        }
        expect(await counts()).toEqual(before);
        const serviced: { n: number | string }[] = await ds.query(
          'SELECT COUNT(*) AS n FROM tickets WHERE service_id IS NOT NULL',
        );
        expect(Number(serviced[0].n)).toBe(before[0]);
      } finally {
        await ds.destroy();
      }
    }, 60_000);

    it('turns mail left in the old triage queue into triage tickets at start-up, once', async () => {
      const first = await startTestApp(db);
      const id = randomUUID();
      try {
        await first.app
          .get(DataSource)
          .getRepository(InboundMessageEntity)
          .insert({
            id,
            messageId: '<antrean-lama-1@diskes.baliprov.go.id>',
            sha256: 'a'.repeat(64),
            size: 1200,
            officeCode: 'bali',
            fromAddress: 'putu.lama@diskes.baliprov.go.id',
            subject: 'Mohon akun SIMPEG untuk pegawai baru',
            action: 'created',
            status: 'triage',
            ticketNumber: null,
            reason: 'permintaan baru dari domain OPD',
            parseError: null,
            summary: JSON.stringify({
              bodyText: 'Mohon dibuatkan akun SIMPEG untuk tiga pegawai baru.',
              bodyHtml: null,
              attachments: [],
            }),
            receivedAt: new Date('2026-11-20T01:30:00Z'),
            decidedAt: null,
            decidedBy: null,
          });
      } finally {
        await first.close();
      }

      // The next start converts it: a service-less ticket with the mail as its first entry.
      const second = await startTestApp(db);
      try {
        await second.app.get(TriageBacklogService).whenDone();
        const ds = second.app.get(DataSource);
        const row = await ds.getRepository(InboundMessageEntity).findOneByOrFail({ id });
        expect([row.status, row.action]).toEqual(['processed', 'created']);
        expect(row.ticketNumber).toBeTruthy();
        const ticket = await ds
          .getRepository(TicketEntity)
          .findOneByOrFail({ number: row.ticketNumber as string });
        expect([ticket.serviceId, ticket.channel, ticket.status]).toEqual([null, 'email', 'new']);
        expect(ticket.subject).toBe('Mohon akun SIMPEG untuk pegawai baru');
        expect(ticket.receivedAt.toISOString()).toBe('2026-11-20T01:30:00.000Z');
        const mail = await ds
          .getRepository(TimelineEntryEntity)
          .findOneByOrFail({ ticketId: ticket.id, event: 'mail.received' });
        expect(mail.body).toContain('tiga pegawai baru');
        expect((mail.data as { inboundId: string }).inboundId).toBe(id);
        const triage = await second.request<{ items: { number: string }[] }>(
          'GET',
          '/api/v1/tickets?triage=true',
          { token: await second.token('helpdesk.bali@sigap.local') },
        );
        expect(triage.body.items.map((t) => t.number)).toContain(ticket.number);
        // Nothing left to convert: a second pass opens nothing.
        const again = await second.app.get(TriageBacklogService).convert();
        expect(again).toEqual({ converted: [], failed: [] });
        expect(
          await ds.getRepository(TicketEntity).count({ where: { subject: ticket.subject } }),
        ).toBe(1);
      } finally {
        await second.close();
      }
    }, 60_000);
  });
}
