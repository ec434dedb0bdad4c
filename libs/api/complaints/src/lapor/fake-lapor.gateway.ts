import { randomInt } from 'node:crypto';
import {
  LaporError,
  LaporGateway,
  type LaporState,
  type LaporSubmission,
  type LaporUpdate,
} from './lapor-gateway';

/**
 * An in-memory LAPOR! for development and tests: forwarded complaints get a tracking id like
 * LAPOR!'s (`LPR` + 10 digits) and answers are added with `answer()`, as an agency would.
 */
export class FakeLaporGateway extends LaporGateway {
  readonly available = true;
  private readonly reports = new Map<string, LaporState & { submission: LaporSubmission }>();

  forward(submission: LaporSubmission): Promise<{ trackingId: string; status: string }> {
    if (!submission.text.trim()) return Promise.reject(new LaporError('isi laporan kosong'));
    let trackingId: string;
    do trackingId = `LPR${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    while (this.reports.has(trackingId));
    this.reports.set(trackingId, { trackingId, status: 'Terverifikasi', updates: [], submission });
    return Promise.resolve({ trackingId, status: 'Terverifikasi' });
  }

  pull(trackingId: string): Promise<LaporState> {
    const report = this.reports.get(trackingId);
    if (!report) return Promise.reject(new LaporError(`laporan ${trackingId} tidak dikenal`));
    return Promise.resolve({
      trackingId,
      status: report.status,
      updates: report.updates.map((u) => ({ ...u })),
    });
  }

  /** What was forwarded under a tracking id (tests). */
  submission(trackingId: string): LaporSubmission | null {
    return this.reports.get(trackingId)?.submission ?? null;
  }

  /** Adds an answer or status change on the LAPOR! side. */
  answer(trackingId: string, update: Omit<LaporUpdate, 'at'> & { at?: string }): void {
    const report = this.reports.get(trackingId);
    if (!report) throw new LaporError(`laporan ${trackingId} tidak dikenal`);
    report.status = update.status;
    report.updates.push({ ...update, at: update.at ?? new Date().toISOString() });
  }
}
