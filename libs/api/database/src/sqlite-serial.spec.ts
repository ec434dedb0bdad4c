import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { serialiseSqlite } from './sqlite-serial';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('embedded SQLite with concurrent transactions', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sigap-serial-'));
    dataSource = serialiseSqlite(
      await new DataSource({
        type: 'better-sqlite3',
        database: join(dir, 'db.sqlite'),
        logging: false,
      }).initialize(),
    );
    await dataSource.query('CREATE TABLE items (name TEXT PRIMARY KEY)');
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = async () =>
    (
      (await dataSource.query('SELECT name FROM items ORDER BY name')) as Array<{ name: string }>
    ).map((r) => r.name);

  it("keeps one transaction's committed work when another, running at the same time, rolls back", async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO items (name) VALUES ('gagal')");
      await pause(30);
      throw new Error('batal');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await pause(5);
      await manager.query("INSERT INTO items (name) VALUES ('jadi')");
    });
    const outside = (async () => {
      await pause(10);
      await dataSource.query("INSERT INTO items (name) VALUES ('di-luar')");
    })();
    await expectAsync(failing).toBeRejectedWithError('batal');
    await succeeding;
    await outside;
    expect(await names()).toEqual(['di-luar', 'jadi']);
  });

  it('lets code inside a transaction use the data source again without waiting for itself', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO items (name) VALUES ('satu')");
      // A repository or query of the data source, not of the transaction's manager.
      const seen = (await dataSource.query('SELECT COUNT(*) AS n FROM items')) as Array<{
        n: number;
      }>;
      expect(Number(seen[0].n)).toBe(1);
      await dataSource.transaction(async (inner) => {
        await inner.query("INSERT INTO items (name) VALUES ('dua')");
      });
    });
    expect(await names()).toEqual(['dua', 'satu']);
  });
});
