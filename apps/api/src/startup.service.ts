import { dialectOf } from '@sigap/api-database';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarSeedService } from '@sigap/api-calendars';
import { SeedLoaderService } from '@sigap/api-catalog';
import { AppConfig } from '@sigap/api-config';
import { Readiness } from '@sigap/api-common';
import { DemoLogin, DemoUsersService } from '@sigap/api-identity';
import { UsersService } from '@sigap/api-identity';
import { StartupLock } from '@sigap/api-database';
import { DemoHistoryService } from '@sigap/api-demo-history';
import { ItServicesSeedService } from '@sigap/api-it-services';

/**
 * Start-up in order: migrations, seed data, the first admin, demo users; then ready.
 * Runs before the HTTP server listens. The seed always brings the national calendar (holidays,
 * the default working schedule); the demo offices with their services only with the demo
 * (`SIGAP_DEMO`), so that a production installation starts with no office at all and the
 * console leads its admin through the first-run set-up.
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  demoLogins: DemoLogin[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly seed: SeedLoaderService,
    private readonly calendarSeed: CalendarSeedService,
    private readonly users: UsersService,
    private readonly demo: DemoUsersService,
    private readonly readiness: Readiness,
    private readonly demoHistory: DemoHistoryService,
    private readonly itServicesSeed: ItServicesSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Instances starting together on one database take turns (see StartupLock).
    const lock = await StartupLock.acquire(this.dataSource);
    try {
      await this.start();
    } finally {
      await lock.release();
    }
  }

  private async start(): Promise<void> {
    if (this.config.migrateOnStart) {
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      if (applied.length)
        this.logger.log(`Migrasi dijalankan: ${applied.map((m) => m.name).join(', ')}`);
      if (await dialectOf(this.dataSource).repairFullText(this.dataSource))
        this.logger.warn('Indeks pencarian tiket dipulihkan dan dibangun ulang.');
    }
    if (this.config.loadSeed && this.config.demo) {
      await this.seed.load();
      await this.itServicesSeed.load();
    }
    if (this.config.loadSeed) await this.calendarSeed.load();
    if (this.config.adminEmail && this.config.adminPassword) {
      await this.users.ensureFirstAdmin(this.config.adminEmail, this.config.adminPassword);
    }
    if (this.config.demo) this.demoLogins = await this.demo.ensure();
    if (this.config.demoHistory)
      await this.demoHistory.ensure({ seed: this.config.demoHistorySeed });
    this.readiness.markReady();
  }
}
