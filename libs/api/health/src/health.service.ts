import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '@sigap/api-common';
import { Readiness } from '@sigap/api-common';
import { dialectOf } from '@sigap/api-database';

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
  ) {}

  async check(): Promise<HealthResponse> {
    const dialect = dialectOf(this.dataSource);
    const response: HealthResponse = {
      status: 'starting',
      database: { type: dialect.name, connected: false },
      migrations: { applied: 0, pending: 0, last: null },
      version: APP_VERSION,
    };
    if (!this.dataSource.isInitialized) return { ...response, status: 'error' };
    try {
      await this.dataSource.query('SELECT 1');
      response.database.connected = true;
      response.database.type = await dialect.serverType(this.dataSource);
      const applied: { name: string }[] = await this.dataSource.query(
        'SELECT name FROM migrations ORDER BY id',
      );
      const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
      response.migrations = {
        applied: applied.length,
        pending: known.filter((name) => !applied.some((row) => row.name === name)).length,
        last: applied.length ? applied[applied.length - 1].name : null,
      };
    } catch {
      return { ...response, status: 'error' };
    }
    response.status = this.readiness.isReady ? 'ok' : 'starting';
    return response;
  }
}
