import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's logger for this application. A failed statement is logged with its SQL text and the
 * driver's error code, never with its parameter values: they carry e-mail addresses, password
 * hashes, token hashes and the text of complaints. The driver's message can quote a value too
 * (MariaDB: `Duplicate entry 'ani@x.go.id' for key ...`), so quoted literals in it are masked.
 *
 * Successful queries are not logged; slow queries only by their SQL text and time.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly out = new NestLogger('SQL');

  logQuery(): void {
    // Not logged: the application does not trace every statement.
  }

  logQueryError(error: string | Error, query: string): void {
    this.out.error(`query failed: ${oneLine(query)} -- ${describeError(error)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.out.log(message);
  }

  logMigration(message: string): void {
    this.out.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.out.warn(text);
    else this.out.log(text);
  }
}

/** Whitespace folded, so one statement is one log line; long statements are clipped. */
function oneLine(sql: string): string {
  const folded = sql.replace(/\s+/g, ' ').trim();
  return folded.length > 2000 ? `${folded.slice(0, 2000)}…` : folded;
}

/** The driver's code and message, with quoted literals masked. */
export function describeError(error: string | Error): string {
  const raw = typeof error === 'string' ? error : error.message;
  const code =
    typeof error === 'object' && error && 'code' in error && typeof error.code === 'string'
      ? `${error.code}: `
      : '';
  return code + maskLiterals(raw);
}

/** `'...'` and `"..."` literals become `'?'`: names of keys go with them, values never leak. */
export function maskLiterals(message: string): string {
  return message.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'").replace(/"(?:[^"\\]|\\.)*"/g, '"?"');
}
