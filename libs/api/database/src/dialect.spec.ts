import { DataSource } from 'typeorm';
import { dialectForOptions, dialectOf, MysqlDialect, SqliteDialect } from './dialect';

describe('database dialect', () => {
  const mysql = dialectForOptions({ type: 'mysql' });
  const sqlite = dialectForOptions({ type: 'better-sqlite3' });

  it('is chosen by the configured driver, from options, a data source or its manager', () => {
    expect(mysql).toBeInstanceOf(MysqlDialect);
    expect(sqlite).toBeInstanceOf(SqliteDialect);
    const source = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    expect(dialectOf(source)).toBe(sqlite);
    expect(dialectOf(source.manager)).toBe(sqlite);
    expect(() => dialectForOptions({ type: 'postgres' })).toThrowError(/not supported/);
  });

  it('passes instants as a Date to MySQL and as UTC text to SQLite, and reads both back', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    expect(mysql.instant(at)).toBe(at);
    expect(sqlite.instant(at)).toBe('2026-03-04 05:06:07.089');
    expect(sqlite.readInstant('2026-03-04 05:06:07.089')?.toISOString()).toBe(at.toISOString());
    expect(mysql.readInstant(at)).toBe(at);
    expect(sqlite.readInstant('2026-03-04T05:06:07.089Z')?.toISOString()).toBe(at.toISOString());
    expect(mysql.readInstant(null)).toBeNull();
  });

  it('locks rows only where several connections write', () => {
    expect(mysql.concurrentWriters).toBeTrue();
    expect(mysql.forUpdate).toBe(' FOR UPDATE');
    expect(mysql.forUpdateSkipLocked).toBe(' FOR UPDATE SKIP LOCKED');
    expect(mysql.writeLock()).toEqual({ lock: { mode: 'pessimistic_write' } });
    expect(sqlite.concurrentWriters).toBeFalse();
    expect(sqlite.forUpdate).toBe('');
    expect(sqlite.forUpdateSkipLocked).toBe('');
    expect(sqlite.writeLock()).toEqual({});
  });

  it('writes an insert that skips an existing key, and an hour bucket, in each syntax', () => {
    expect(mysql.insertIgnore('t', ['a', 'b'], '(?, 0)')).toBe(
      'INSERT IGNORE INTO t (a, b) VALUES (?, 0)',
    );
    expect(sqlite.insertIgnore('t', ['a', 'b'], '(?, 0)')).toBe(
      'INSERT INTO t (a, b) VALUES (?, 0) ON CONFLICT DO NOTHING',
    );
    expect(mysql.hourOf('x.at')).toBe("DATE_FORMAT(x.at, '%Y-%m-%d %H')");
    expect(sqlite.hourOf('x.at')).toBe("strftime('%Y-%m-%d %H', x.at)");
  });

  it('writes the counter bump in each syntax, ending with a read of the new value', () => {
    expect(mysql.counterBump('c', ['k', 'y'], 'v')).toEqual([
      'INSERT INTO c (k, y, v) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE v = v + 1',
      'SELECT v FROM c WHERE k = ? AND y = ?',
    ]);
    expect(sqlite.counterBump('c', ['k', 'y'], 'v')).toEqual([
      'INSERT INTO c (k, y, v) VALUES (?, ?, 1) ON CONFLICT (k, y) DO UPDATE SET v = v + 1 RETURNING v',
    ]);
    expect(mysql.countsRawWrites).toBeTrue();
    expect(sqlite.countsRawWrites).toBeFalse();
  });

  it('recognises a unique-index refusal from either driver', () => {
    for (const code of ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])
      expect(sqlite.isUniqueViolation({ code })).withContext(code).toBeTrue();
    expect(mysql.isUniqueViolation({ code: 'ER_LOCK_DEADLOCK' })).toBeFalse();
    expect(mysql.isUniqueViolation(null)).toBeFalse();
    expect(mysql.isUniqueViolation(new Error('x'))).toBeFalse();
  });
});
