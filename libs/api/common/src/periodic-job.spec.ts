import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  it('starts once, beats on the interval and stops', async () => {
    let beats = 0;
    const job = new PeriodicJob<number>(async () => {
      beats++;
    });
    expect(job.started).toBeFalse();
    job.start(5);
    job.start(5);
    expect(job.started).toBeTrue();
    await new Promise((r) => setTimeout(r, 40));
    job.stop();
    expect(job.started).toBeFalse();
    const seen = beats;
    expect(seen).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(beats).toBe(seen);
  });

  it('is busy while a tracked run is under way and free once it settles, even on failure', async () => {
    const job = new PeriodicJob<number>(async () => undefined);
    let finish!: (n: number) => void;
    expect(job.underWay).toBeNull();
    const run = job.track(new Promise<number>((r) => (finish = r)));
    expect(job.busy).toBeTrue();
    expect(job.underWay).toBe(run);
    finish(7);
    expect(await run).toBe(7);
    expect(job.busy).toBeFalse();
    expect(job.underWay).toBeNull();
    const failing = job.track(Promise.reject(new Error('boom')));
    expect(job.busy).toBeTrue();
    await expectAsync(failing).toBeRejectedWithError('boom');
    expect(job.busy).toBeFalse();
  });

  it('waits on shutdown for the run under way without rethrowing its failure', async () => {
    const job = new PeriodicJob<number>(async () => undefined);
    job.start(1000);
    let fail!: (e: Error) => void;
    const run = job.track(new Promise<number>((_, reject) => (fail = reject)));
    run.catch(() => undefined);
    let done = false;
    const closing = job.shutdown().then(() => (done = true));
    await Promise.resolve();
    expect(job.started).toBeFalse();
    expect(done).toBeFalse();
    fail(new Error('late'));
    await closing;
    expect(done).toBeTrue();
  });
});
