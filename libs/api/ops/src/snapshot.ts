/**
 * Backups and restores of a whole installation: the database and the stored files of the data
 * folder (attachments, raw mail, generated secrets), as one consistent snapshot in a folder.
 *
 * - MariaDB/MySQL: every table is read inside one `START TRANSACTION WITH CONSISTENT SNAPSHOT`
 *   (InnoDB's single-transaction dump), streamed row by row into `database/<table>.jsonl`, so the
 *   backup runs while Sigap keeps serving and writes nothing to the database.
 * - SQLite: the driver's online backup API copies the database page by page while it is in use.
 * - Files are copied after the database snapshot, each with its SHA-256 in `files.sha256`, and
 *   checked byte for byte on restore. Files are written before the rows that name them and never
 *   changed afterwards, so every file the snapshot's rows name is there when the copy runs.
 *
 * Written here rather than by shelling out to `mariadb-dump`: the API image carries no database
 * client, the same command must cover the embedded SQLite database, and a restore has to bring the
 * schema to the snapshot's own migration before loading rows, which a plain SQL dump cannot check.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { createConnection, type Connection, type FieldPacket } from 'mysql2/promise';
import { createConnection as createCallbackConnection } from 'mysql2';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@sigap/api-config';
import { dataSourceOptions } from '@sigap/api-database';
import { MIGRATIONS } from '@sigap/api-database';
import {
  bucketObjects,
  bucketStores,
  type BucketStores,
  emptyBucket,
  isObjectPath,
  restoreObject,
  someObjects,
} from './snapshot-objects';

export const SNAPSHOT_FORMAT = 'sigap-snapshot';
export const SNAPSHOT_VERSION = 1;

/** A failure the command reports in one line and exits non-zero for. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** The restore target already holds an installation: nothing was written, nothing is undone. */
class TargetNotEmpty extends SnapshotError {}

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  createdAt: string;
  database: 'mysql' | 'sqlite';
  /** Names of the migrations applied in the snapshot, in order. */
  migrations: string[];
  /** Rows per table (MariaDB/MySQL and SQLite alike). */
  tables: Record<string, number>;
  /** Column names per table, in the order of each `.jsonl` row (MariaDB/MySQL). */
  columns?: Record<string, string[]>;
  files: { count: number; bytes: number };
}

export interface SnapshotReport {
  manifest: SnapshotManifest;
  folder: string;
}

type Log = (line: string) => void;

const MANIFEST = 'manifest.json';
const FILE_LIST = 'files.sha256';
const SQLITE_FILE = 'sigap.sqlite';
/** Data-folder entries that are the database itself, or scratch. */
const NOT_FILES = /^(sigap\.sqlite(-wal|-shm|-journal)?|tmp)$/;

// ---------------------------------------------------------------------------------------------
// Backup

export async function backup(
  config: AppConfig,
  folder: string,
  log: Log = () => undefined,
): Promise<SnapshotReport> {
  await prepareEmptyFolder(folder);
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    createdAt: new Date().toISOString(),
    database: config.database.type === 'sqlite' ? 'sqlite' : 'mysql',
    migrations: [],
    tables: {},
    files: { count: 0, bytes: 0 },
  };
  try {
    await mkdir(join(folder, 'database'), { mode: 0o700 });
    if (config.database.type === 'sqlite') {
      await backupSqlite(config.database.file, join(folder, 'database', SQLITE_FILE), manifest);
    } else {
      await backupMysql(config, join(folder, 'database'), manifest);
    }
    if (!manifest.migrations.length) {
      throw new SnapshotError('basis data belum dimigrasi: tidak ada yang dicadangkan');
    }
    log(
      `basis data (${manifest.database}): ${Object.keys(manifest.tables).length} tabel, ` +
        `${sum(Object.values(manifest.tables))} baris, migrasi ${last(manifest.migrations)}`,
    );
    manifest.files = await copyFiles(
      config.dataDir,
      join(folder, 'files'),
      join(folder, FILE_LIST),
      bucketStores(config),
    );
    log(`berkas: ${manifest.files.count} berkas, ${manifest.files.bytes} byte`);
    await writeFile(join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', {
      mode: 0o600,
    });
  } catch (error) {
    // Half a snapshot is worse than none: the folder was empty, so it is emptied again.
    await emptyFolder(folder);
    throw error;
  }
  return { manifest, folder };
}

async function backupSqlite(
  source: string,
  target: string,
  manifest: SnapshotManifest,
): Promise<void> {
  if (!existsSync(source)) throw new SnapshotError(`basis data SQLite tidak ada: ${source}`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  await chmod(target, 0o600);
  const copy = new Database(target, { readonly: true });
  try {
    readSqliteState(copy, manifest);
  } finally {
    copy.close();
  }
}

function readSqliteState(db: Database.Database, manifest: SnapshotManifest): void {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as {
      n: number;
    };
    manifest.tables[name] = row.n;
  }
  if (tables.some((t) => t.name === 'migrations')) {
    manifest.migrations = (
      db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]
    ).map((r) => r.name);
  }
}

async function backupMysql(
  config: AppConfig,
  target: string,
  manifest: SnapshotManifest,
): Promise<void> {
  if (config.database.type === 'sqlite') return;
  const db = config.database;
  // A callback connection, so each table streams row by row instead of being held in memory.
  const conn = createCallbackConnection({
    ...serverOf(db),
    // Values exactly as stored: dates and big numbers as text, JSON as its text, bytes as bytes.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    typeCast: (field, next) => (field.type === 'JSON' ? field.string() : next()),
  });
  const q = conn.promise();
  try {
    await q.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await q.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const [tables] = (await q.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )) as unknown as [{ name: string }[], FieldPacket[]];
    manifest.columns = {};
    for (const { name } of tables) {
      const [cols] = (await q.query(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position`,
        [name],
      )) as unknown as [{ name: string }[], FieldPacket[]];
      const columns = cols.map((c) => c.name);
      manifest.columns[name] = columns;
      manifest.tables[name] = await streamTable(conn, name, join(target, `${name}.jsonl`));
    }
    if (tables.some((t) => t.name === 'migrations')) {
      const [rows] = (await q.query('SELECT name FROM migrations ORDER BY id')) as unknown as [
        { name: string }[],
        FieldPacket[],
      ];
      manifest.migrations = rows.map((r) => r.name);
    }
    await q.query('COMMIT');
  } finally {
    await q.end().catch(() => undefined);
  }
}

/** Writes every row of one table as a JSON array per line; bytes as `{"$b": base64}`. */
function streamTable(
  conn: ReturnType<typeof createCallbackConnection>,
  table: string,
  file: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { mode: 0o600 });
    let rows = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      out.destroy();
      reject(error);
    };
    out.on('error', fail);
    const stream = conn
      .query({ sql: `SELECT * FROM \`${table.replace(/`/g, '``')}\``, rowsAsArray: true })
      .stream({ highWaterMark: 256 });
    stream.on('error', fail);
    stream.on('data', (row: unknown[]) => {
      rows++;
      const line = JSON.stringify(row.map(encodeValue)) + '\n';
      if (!out.write(line)) {
        stream.pause();
        out.once('drain', () => stream.resume());
      }
    });
    stream.on('end', () => {
      if (failed) return;
      out.end(() => resolve(rows));
    });
  });
}

function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $b: value.toString('base64') };
  return value;
}

function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$b' in value) {
    return Buffer.from(String((value as { $b: string }).$b), 'base64');
  }
  return value;
}

/**
 * Copies the data folder's files (not the database) and lists their SHA-256; with the stored
 * files in a bucket (attachments, raw mail), its objects too, each checked against its address.
 */
async function copyFiles(
  dataDir: string,
  target: string,
  listFile: string,
  bucket: BucketStores | null,
): Promise<{ count: number; bytes: number }> {
  await mkdir(target, { recursive: true, mode: 0o700 });
  const list = createWriteStream(listFile, { mode: 0o600 });
  let count = 0;
  let bytes = 0;
  if (existsSync(dataDir)) {
    for await (const file of walk(dataDir, dataDir)) {
      const rel = relative(dataDir, file);
      if (rel.endsWith('.tmp')) continue; // a write in progress, renamed into place when done
      if (bucket && isObjectPath(rel.split(sep).join('/'))) continue; // the bucket's copy counts
      const dest = join(target, rel);
      await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
      const { sha256, size } = await copyHashed(file, dest);
      await writeLine(list, `${sha256}  ${rel.split(sep).join('/')}\n`);
      count++;
      bytes += size;
    }
  }
  for await (const object of bucket ? bucketObjects(bucket) : []) {
    const dest = join(target, ...object.rel.split('/'));
    await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
    const { sha256, size } = await copyHashed(object.open(), dest);
    if (sha256 !== object.sha256) {
      throw new SnapshotError(`objek ${object.rel} di bucket rusak: SHA-256 tidak cocok`);
    }
    await writeLine(list, `${sha256}  ${object.rel}\n`);
    count++;
    bytes += size;
  }
  await new Promise<void>((resolve, reject) =>
    list.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return { count, bytes };
}

async function* walk(dir: string, root: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (dir === root && NOT_FILES.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, root);
    else if (entry.isFile()) yield path;
  }
}

async function copyHashed(
  from: string | Readable,
  to: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(to, { mode: 0o600 });
  for await (const chunk of typeof from === 'string' ? createReadStream(from) : from) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    await writeLine(out, chunk as Buffer);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return { sha256: hash.digest('hex'), size };
}

async function writeLine(out: WriteStream, data: string | Buffer): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

// ---------------------------------------------------------------------------------------------
// Restore

export async function restore(
  config: AppConfig,
  folder: string,
  log: Log = () => undefined,
): Promise<SnapshotReport> {
  const manifest = await readManifest(folder);
  const known = MIGRATIONS.map((m) => m.name);
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new SnapshotError(
      `cadangan berasal dari skema yang lebih baru (migrasi ${unknown.join(', ')} tidak dikenal ` +
        'versi ini): pulihkan dengan versi Sigap yang sama atau lebih baru',
    );
  }
  const kind = config.database.type === 'sqlite' ? 'sqlite' : 'mysql';
  if (kind !== manifest.database) {
    throw new SnapshotError(
      `cadangan dari basis data ${manifest.database}, tujuan ${kind}: pulihkan ke jenis yang sama`,
    );
  }
  await assertEmptyDataDir(config.dataDir);
  const bucket = bucketStores(config);
  const present = bucket ? await someObjects(bucket) : [];
  if (present.length) {
    throw new SnapshotError(
      `bucket penyimpanan tidak kosong (${present.join(', ')}…): pulihkan ke instalasi kosong`,
    );
  }
  try {
    // Every file is checked before anything is written, so a damaged snapshot leaves the target
    // as empty as it was.
    const expectedFiles = await verifySnapshotFiles(folder);
    if (
      expectedFiles.count !== manifest.files.count ||
      expectedFiles.bytes !== manifest.files.bytes
    ) {
      throw new SnapshotError(
        `berkas cadangan tidak lengkap: ${expectedFiles.count}/${manifest.files.count} berkas`,
      );
    }
    if (config.database.type === 'sqlite') {
      await assertEmptySqlite(config.database.file);
      await mkdir(dirname(config.database.file), { recursive: true });
      await copyFile(join(folder, 'database', SQLITE_FILE), config.database.file);
      await chmod(config.database.file, 0o600);
      const check: SnapshotManifest = { ...manifest, tables: {}, migrations: [] };
      const db = new Database(config.database.file, { readonly: true });
      try {
        readSqliteState(db, check);
      } finally {
        db.close();
      }
      assertSameCounts(manifest.tables, check.tables);
    } else {
      await restoreMysql(config, folder, manifest);
    }
    log(
      `basis data (${manifest.database}): ${Object.keys(manifest.tables).length} tabel, ` +
        `${sum(Object.values(manifest.tables))} baris, migrasi ${last(manifest.migrations)}`,
    );
    const files = await restoreFiles(folder, config.dataDir, bucket);
    if (files.count !== manifest.files.count || files.bytes !== manifest.files.bytes) {
      throw new SnapshotError(
        `berkas cadangan tidak lengkap: ${files.count}/${manifest.files.count} berkas`,
      );
    }
    log(`berkas: ${files.count} berkas, ${files.bytes} byte, semua cocok dengan SHA-256`);
  } catch (error) {
    // The target was empty: whatever this restore wrote is taken away again, so it can be retried.
    if (!(error instanceof TargetNotEmpty)) await undoRestore(config);
    throw error;
  }
  return { manifest, folder };
}

async function readManifest(folder: string): Promise<SnapshotManifest> {
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as SnapshotManifest;
  } catch {
    throw new SnapshotError(
      `${join(folder, MANIFEST)} tidak ada atau bukan JSON: bukan cadangan Sigap`,
    );
  }
  if (manifest?.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`${folder} bukan cadangan Sigap`);
  }
  if (manifest.version > SNAPSHOT_VERSION) {
    throw new SnapshotError(
      `format cadangan versi ${manifest.version} lebih baru dari yang dikenal (${SNAPSHOT_VERSION})`,
    );
  }
  return manifest;
}

async function restoreMysql(
  config: AppConfig,
  folder: string,
  manifest: SnapshotManifest,
): Promise<void> {
  if (config.database.type === 'sqlite') return;
  const db = config.database;
  const conn = await createConnection({
    ...serverOf(db),
  });
  try {
    const [existing] = (await conn.query(
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()`,
    )) as unknown as [{ n: number }[], FieldPacket[]];
    if (Number(existing[0].n) > 0) {
      throw new TargetNotEmpty(
        `basis data tujuan ${db.database} tidak kosong (${existing[0].n} tabel): pulihkan ke basis data kosong`,
      );
    }
    // The schema exactly as the snapshot had it: its own migrations, no later ones.
    const upTo = MIGRATIONS.filter((m) => manifest.migrations.includes(m.name));
    // Only migrations run here, so no entities are needed.
    const source = new DataSource({ ...dataSourceOptions(config, []), migrations: upTo });
    await source.initialize();
    try {
      await source.runMigrations({ transaction: 'each' });
    } finally {
      await source.destroy();
    }
    await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    await conn.query('START TRANSACTION');
    for (const [table, expected] of Object.entries(manifest.tables)) {
      if (table === 'migrations') continue;
      const columns = manifest.columns?.[table];
      if (!columns) throw new SnapshotError(`cadangan tanpa daftar kolom tabel ${table}`);
      // Rows a migration itself wrote are part of the snapshot too.
      await conn.query(`DELETE FROM \`${table.replace(/`/g, '``')}\``);
      const loaded = await loadTable(conn, folder, table, columns);
      if (loaded !== expected) {
        throw new SnapshotError(
          `tabel ${table}: ${loaded} baris dimuat, cadangan mencatat ${expected}`,
        );
      }
    }
    await conn.query('COMMIT');
    await conn.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await conn.end().catch(() => undefined);
  }
}

async function loadTable(
  conn: Connection,
  folder: string,
  table: string,
  columns: string[],
): Promise<number> {
  const file = join(folder, 'database', `${table}.jsonl`);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const head =
    `INSERT INTO \`${table.replace(/`/g, '``')}\` (` +
    columns.map((c) => `\`${c.replace(/`/g, '``')}\``).join(', ') +
    ') VALUES ?';
  let batch: unknown[][] = [];
  let batchBytes = 0;
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await conn.query(head, [batch]);
    batch = [];
    batchBytes = 0;
  };
  for await (const line of lines) {
    if (!line) continue;
    const row = (JSON.parse(line) as unknown[]).map(decodeValue);
    if (row.length !== columns.length) {
      throw new SnapshotError(`tabel ${table}: baris ${count + 1} tidak sesuai kolomnya`);
    }
    batch.push(row);
    batchBytes += line.length;
    count++;
    // Well under the server's max_allowed_packet (16 MiB by default).
    if (batch.length >= 500 || batchBytes > 4 * 1024 * 1024) await flush();
  }
  await flush();
  return count;
}

/** The snapshot's file list: SHA-256 and path relative to the data folder, checked for escapes. */
async function readFileList(folder: string): Promise<{ sha256: string; rel: string }[]> {
  const list = await readFile(join(folder, FILE_LIST), 'utf8').catch(() => {
    throw new SnapshotError(`${join(folder, FILE_LIST)} tidak ada: cadangan tidak lengkap`);
  });
  const entries: { sha256: string; rel: string }[] = [];
  for (const line of list.split('\n')) {
    if (!line) continue;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) throw new SnapshotError(`${FILE_LIST}: baris tidak dikenal: ${line.slice(0, 80)}`);
    const [, sha256, rel] = match;
    if (
      rel.split('/').some((part) => part === '..' || part === '' || part === '.') ||
      rel.startsWith('/')
    ) {
      throw new SnapshotError(`${FILE_LIST}: jalur tidak sah: ${rel}`);
    }
    entries.push({ sha256, rel });
  }
  return entries;
}

async function verifySnapshotFiles(folder: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const { sha256: expected, rel } of await readFileList(folder)) {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of createReadStream(join(folder, 'files', ...rel.split('/')))) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } catch {
      throw new SnapshotError(`berkas ${rel} tidak ada di cadangan`);
    }
    if (hash.digest('hex') !== expected) {
      throw new SnapshotError(`berkas ${rel} rusak: SHA-256 tidak cocok dengan cadangan`);
    }
    count++;
    bytes += size;
  }
  return { count, bytes };
}

async function restoreFiles(
  folder: string,
  dataDir: string,
  bucket: BucketStores | null,
): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const { sha256: expected, rel } of await readFileList(folder)) {
    if (bucket && isObjectPath(rel)) {
      const source = join(folder, 'files', ...rel.split('/'));
      const { sha256, size } = await restoreObject(bucket, source, rel, expected);
      if (sha256 !== expected) {
        throw new SnapshotError(`berkas ${rel} rusak: SHA-256 tidak cocok dengan cadangan`);
      }
      count++;
      bytes += size;
      continue;
    }
    const dest = join(dataDir, ...rel.split('/'));
    await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
    const { sha256, size } = await copyHashed(join(folder, 'files', ...rel.split('/')), dest);
    if (sha256 !== expected) {
      await rm(dest, { force: true });
      throw new SnapshotError(`berkas ${rel} rusak: SHA-256 tidak cocok dengan cadangan`);
    }
    count++;
    bytes += size;
  }
  return { count, bytes };
}

function assertSameCounts(expected: Record<string, number>, actual: Record<string, number>): void {
  for (const [table, n] of Object.entries(expected)) {
    if (actual[table] !== n) {
      throw new SnapshotError(
        `tabel ${table}: ${actual[table] ?? 0} baris, cadangan mencatat ${n}`,
      );
    }
  }
}

async function assertEmptyDataDir(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  const found: string[] = [];
  for await (const file of walk(dataDir, dataDir)) {
    found.push(relative(dataDir, file));
    if (found.length >= 3) break;
  }
  if (found.length) {
    throw new TargetNotEmpty(
      `folder data ${dataDir} tidak kosong (${found.join(', ')}): pulihkan ke instalasi kosong`,
    );
  }
}

async function assertEmptySqlite(file: string): Promise<void> {
  if (!existsSync(file)) return;
  if ((await stat(file)).size === 0) return;
  throw new TargetNotEmpty(`basis data ${file} sudah ada: pulihkan ke instalasi kosong`);
}

async function prepareEmptyFolder(folder: string): Promise<void> {
  if (existsSync(folder)) {
    const entries = await readdir(folder);
    if (entries.length) {
      throw new SnapshotError(`folder cadangan ${folder} tidak kosong: pilih folder baru`);
    }
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
}

async function emptyFolder(folder: string): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    await rm(join(folder, entry), { recursive: true, force: true });
  }
}

async function undoRestore(config: AppConfig): Promise<void> {
  if (config.database.type === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      await rm(config.database.file + suffix, { force: true });
    }
  } else {
    const db = config.database;
    const conn = await createConnection({
      ...serverOf(db),
    }).catch(() => null);
    if (conn) {
      try {
        const [tables] = (await conn.query(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()`,
        )) as unknown as [{ name: string }[], FieldPacket[]];
        await conn.query('SET SESSION foreign_key_checks = 0');
        for (const { name } of tables) {
          await conn.query(`DROP TABLE IF EXISTS \`${name.replace(/`/g, '``')}\``);
        }
      } finally {
        await conn.end().catch(() => undefined);
      }
    }
  }
  await emptyFolder(config.dataDir);
  const bucket = bucketStores(config);
  if (bucket) await emptyBucket(bucket);
}

/** Where and how to reach the MariaDB/MySQL database, with instants in UTC. */
function serverOf(db: Extract<AppConfig['database'], { type: 'mysql' }>) {
  return {
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
    database: db.database,
    ...(db.socketPath ? { socketPath: db.socketPath } : {}),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const last = (values: string[]) => values[values.length - 1] ?? '-';
