import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for the domains that compute with time (tickets, SLA sweeps). Tests
 * fix it (`set`) or move it (`advance`); in production it follows the system clock.
 */
@Injectable()
export class Clock {
  private fixed: number | null = null;

  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  nowMs(): number {
    return this.fixed ?? Date.now();
  }

  /** Fixes the time (tests). */
  set(at: Date | string | number): void {
    const ms = new Date(at).getTime();
    if (!Number.isFinite(ms)) throw new Error(`Clock.set: waktu tidak valid (${String(at)})`);
    this.fixed = ms;
  }

  advance(ms: number): void {
    this.fixed = (this.fixed ?? Date.now()) + ms;
  }

  /** Back to the system clock. */
  release(): void {
    this.fixed = null;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
