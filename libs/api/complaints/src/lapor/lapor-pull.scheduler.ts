import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { LaporBeatResponse } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { LaporSyncService } from './lapor-sync.service';
import { JobLease } from '@sigap/api-database';
import { LaporGateway } from './lapor-gateway';
import { LaporClosingService } from './lapor-closing.service';
import { LaporInboundService } from './lapor-inbound.service';

export const LAPOR_PULL_LEASE = 'lapor-pull';

/**
 * The SP4N-LAPOR! beat, every `SIGAP_LAPOR_PULL_SECONDS`: takes the reports dispositioned to the
 * offices as new complaints, brings status changes, answers and the reporters' replies onto the
 * complaints that are tracked there, then closes the reports left without a reply 10 working
 * days after the follow-up (after the pull, so a reply in time keeps its report open). The timer
 * runs when a connection is configured (`SIGAP_LAPOR_URL` and `SIGAP_LAPOR_TOKEN`, or the
 * stand-in), never in tests (they call `runOnce`). With several API instances on one database,
 * the `lapor-pull` lease in the database lets one of them pull per beat; the lease lasts most of
 * a beat and is not released early, so the others skip that beat.
 */
@Injectable()
export class LaporPullScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LaporPull');
  private readonly lease: JobLease;
  private readonly job = new PeriodicJob<LaporBeatResponse>(() => this.tick(), 'lapor-pull');

  constructor(
    dataSource: DataSource,
    private readonly sync: LaporSyncService,
    private readonly inbound: LaporInboundService,
    private readonly closing: LaporClosingService,
    private readonly lapor: LaporGateway,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.lease = new JobLease(dataSource, LAPOR_PULL_LEASE);
  }

  /** Whether the timer should run under this configuration. */
  static enabled(config: AppConfig): boolean {
    return (
      config.laporPullSeconds > 0 &&
      (Boolean(config.laporUrl && config.laporToken) || config.laporFake) &&
      config.nodeEnv !== 'test'
    );
  }

  onApplicationBootstrap(): void {
    if (LaporPullScheduler.enabled(this.config))
      this.job.start(this.config.laporPullSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  get started(): boolean {
    return this.job.started;
  }

  private async tick(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run.ran && (run.added || run.failed || run.created || run.closed))
        this.log.log(
          `SP4N-LAPOR!: ${run.created} laporan baru, ${run.pulled} pengaduan ditarik, ${run.added} jawaban baru, ${run.closed} ditutup, ${run.failed} gagal`,
        );
    } catch (error) {
      this.log.error(`tarikan SP4N-LAPOR! gagal: ${(error as Error).message}`);
    }
  }

  /** One beat: takes the lease, then pulls every due complaint. */
  runOnce(): Promise<LaporBeatResponse> {
    if (!this.lapor.available) return Promise.resolve({ ran: false, reason: 'unavailable' });
    if (this.job.busy) return Promise.resolve({ ran: false, reason: 'busy' });
    return this.job.track(this.run());
  }

  private async run(): Promise<LaporBeatResponse> {
    if (!(await this.lease.acquireForBeat(this.clock.nowMs(), this.config.laporPullSeconds)))
      return { ran: false, reason: 'lease-held' };
    // An outage of the list does not stop the pull of the tracked reports (it fails alike).
    const inbound = await this.inbound.pullInbound().catch((error: unknown) => {
      this.log.warn(`daftar laporan SP4N-LAPOR! tidak dapat diambil: ${(error as Error).message}`);
      return { created: 0, known: 0, ignored: 0, failed: 1 };
    });
    const result = await this.sync.pullDueFromLapor();
    const closed = await this.closing.closeUnanswered();
    return {
      ran: true,
      ...result,
      failed: result.failed + inbound.failed,
      created: inbound.created,
      ignored: inbound.ignored,
      closed,
    };
  }
}
