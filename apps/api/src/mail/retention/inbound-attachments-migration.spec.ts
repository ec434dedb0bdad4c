import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from '../../entities';
import { MIGRATIONS } from '@sigap/api-database';
import { UploadQuotaAndMailRetention1763902300000 } from '@sigap/api-database';
import {
  DATABASES,
  createTestDatabase,
  testConfig,
  type TestDatabase,
} from '../../testing/test-app';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

for (const kind of DATABASES) {
  describe(`inbound attachment references for mail received before they existed [${kind}]`, () => {
    let db: TestDatabase;
    afterAll(() => db?.drop());

    it('are filled in from the messages already stored', async () => {
      db = await createTestDatabase(kind);
      const options = dataSourceOptions(testConfig(db), ENTITIES);
      const upTo = MIGRATIONS.indexOf(UploadQuotaAndMailRetention1763902300000);
      expect(upTo).toBeGreaterThan(0);
      const before = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, upTo) });
      await before.initialize();
      try {
        await before.runMigrations({ transaction: 'each' });
        const insert = (id: string, summary: string | null) =>
          before.query(
            `INSERT INTO inbound_messages (id, message_id, sha256, size, office_code, action, status, summary, received_at)
             VALUES (?, ?, ?, 10, 'bali', 'created', 'processed', ?, ?)`,
            [id, `<${id}@x>`, id.padEnd(64, '0'), summary, '2026-01-05 03:00:00.000'],
          );
        const attachment = (sha256: string) => ({
          filename: 'a.pdf',
          size: 1,
          contentType: 'application/pdf',
          sha256,
        });
        await insert(
          '11111111-1111-1111-1111-111111111111',
          JSON.stringify({
            bodyText: 'x',
            attachments: [attachment(A), attachment(B), attachment(A)],
          }),
        );
        await insert('22222222-2222-2222-2222-222222222222', JSON.stringify({ bodyText: 'y' }));
        await insert('33333333-3333-3333-3333-333333333333', '{rusak');
        await insert(
          '44444444-4444-4444-4444-444444444444',
          JSON.stringify({ attachments: [attachment(B), { sha256: 'bukan-sha' }] }),
        );
      } finally {
        await before.destroy();
      }
      const after = new DataSource(options);
      await after.initialize();
      try {
        await after.runMigrations({ transaction: 'each' });
        const rows: { inbound_id: string; sha256: string }[] = await after.query(
          'SELECT inbound_id, sha256 FROM inbound_attachments ORDER BY inbound_id, sha256',
        );
        expect(rows.map((r) => [r.inbound_id.slice(0, 1), r.sha256.slice(0, 1)])).toEqual([
          ['1', 'a'],
          ['1', 'b'],
          ['4', 'b'],
        ]);
      } finally {
        await after.destroy();
      }
    }, 60_000);
  });
}
