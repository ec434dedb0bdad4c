/**
 * The full-text indexes ticket search reads, on both databases, in one table of sources.
 *
 * - MariaDB/MySQL: InnoDB FULLTEXT indexes on the source columns themselves; the server keeps
 *   them in step with every write, in the writing transaction.
 * - SQLite: an FTS5 table per source (`<table>_fts`, external content: it indexes the source's
 *   rows by rowid and stores no second copy of the text), kept in step by triggers on the
 *   source. A table rebuilt by a later migration (SQLite alters a table by copying it) loses its
 *   triggers and may renumber its rows: `ensureSqliteFullText` puts both right at every start.
 *
 * Tokens: Unicode letters and digits, case and diacritics folded; no stemming (Indonesian words
 * match as written; a query term also matches as a prefix, so "aplikas" finds "aplikasi").
 */
import type { DataSource, QueryRunner } from 'typeorm';

export interface FullTextSource {
  /** The table whose columns are indexed. */
  table: string;
  columns: readonly string[];
  /** MariaDB index name. */
  index: string;
}

export const FULL_TEXT_SOURCES: readonly FullTextSource[] = [
  { table: 'tickets', columns: ['subject', 'description'], index: 'ft_tickets_text' },
  { table: 'ticket_timeline', columns: ['body'], index: 'ft_timeline_body' },
  { table: 'requester_contacts', columns: ['name', 'email'], index: 'ft_contacts_name_email' },
  { table: 'attachments', columns: ['file_name'], index: 'ft_attachments_file_name' },
];

type Run = (sql: string) => Promise<unknown>;

const fts = (s: FullTextSource) => `${s.table}_fts`;
const triggerNames = (s: FullTextSource) => ['ai', 'ad', 'au'].map((k) => `${fts(s)}_${k}`);

/** Creates (or re-creates) each source's FTS5 table and triggers, and fills the index. */
export async function installSqliteFullText(run: Run): Promise<void> {
  for (const s of FULL_TEXT_SOURCES) {
    const cols = s.columns.join(', ');
    const newCols = s.columns.map((c) => `new.${c}`).join(', ');
    const oldCols = s.columns.map((c) => `old.${c}`).join(', ');
    const [ai, ad, au] = triggerNames(s);
    for (const t of [ai, ad, au]) await run(`DROP TRIGGER IF EXISTS ${t}`);
    await run(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${fts(s)} USING fts5(${cols}, content='${s.table}', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
    );
    await run(
      `CREATE TRIGGER ${ai} AFTER INSERT ON ${s.table} BEGIN INSERT INTO ${fts(s)}(rowid, ${cols}) VALUES (new.rowid, ${newCols}); END`,
    );
    await run(
      `CREATE TRIGGER ${ad} AFTER DELETE ON ${s.table} BEGIN INSERT INTO ${fts(s)}(${fts(s)}, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldCols}); END`,
    );
    await run(
      `CREATE TRIGGER ${au} AFTER UPDATE OF ${cols} ON ${s.table} BEGIN ` +
        `INSERT INTO ${fts(s)}(${fts(s)}, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldCols}); ` +
        `INSERT INTO ${fts(s)}(rowid, ${cols}) VALUES (new.rowid, ${newCols}); END`,
    );
    await run(`INSERT INTO ${fts(s)}(${fts(s)}) VALUES ('rebuild')`);
  }
}

export async function dropSqliteFullText(run: Run): Promise<void> {
  for (const s of FULL_TEXT_SOURCES) {
    for (const t of triggerNames(s)) await run(`DROP TRIGGER IF EXISTS ${t}`);
    await run(`DROP TABLE IF EXISTS ${fts(s)}`);
  }
}

export async function installMysqlFullText(run: Run): Promise<void> {
  for (const s of FULL_TEXT_SOURCES)
    await run(`ALTER TABLE ${s.table} ADD FULLTEXT INDEX ${s.index} (${s.columns.join(', ')})`);
}

export async function dropMysqlFullText(run: Run): Promise<void> {
  for (const s of FULL_TEXT_SOURCES) await dropMysqlFullTextIndex(run, s.table, s.index);
}

/**
 * Drops a FULLTEXT index and rebuilds the table. Without the rebuild, InnoDB keeps the hidden
 * document-id column of the dropped index, and a FULLTEXT index added later answers no rows
 * (measured on MariaDB 10.11: drop, add again, every MATCH finds nothing; the rebuild, or
 * OPTIMIZE TABLE after the add, puts it right). Dropping is rare (a migration's down, a bulk
 * load), so the rebuild's cost is paid where it does no harm.
 */
export async function dropMysqlFullTextIndex(
  run: Run,
  table: string,
  index: string,
): Promise<void> {
  await run(`DROP INDEX ${index} ON ${table}`);
  await run(`ALTER TABLE ${table} FORCE`);
}

/**
 * At start (SQLite): when a source's triggers are missing (its table was rebuilt by a
 * migration), re-creates them and rebuilds the index from the table. Answers whether it did.
 */
export async function ensureSqliteFullText(source: DataSource | QueryRunner): Promise<boolean> {
  const rows: { name: string }[] = await source.query(
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_a%'",
  );
  const present = new Set(rows.map((r) => r.name));
  const tables: { name: string }[] = await source.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_fts'",
  );
  const haveTables = new Set(tables.map((t) => t.name));
  const healthy = FULL_TEXT_SOURCES.every(
    (s) => haveTables.has(fts(s)) && triggerNames(s).every((t) => present.has(t)),
  );
  if (healthy) return false;
  await installSqliteFullText((sql) => source.query(sql));
  return true;
}
