/** Told of every finished run: the job's name, its duration and whether it succeeded. */
export type JobObserver = (job: string, seconds: number, ok: boolean) => void;

/**
 * The timer of a background job that beats every few seconds, with at most one run in flight
 * per process. The owning service keeps its own interval, configuration, lease and logging; this
 * only starts and stops the timer, remembers the run under way, and waits for it on shutdown.
 */
export class PeriodicJob<T> {
  private static readonly observers = new Set<JobObserver>();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<T> | null = null;

  /**
   * `beat` is called on every tick; it must catch and log its own failures. `name` labels the
   * job's runs in the metrics (`sigap_job_duration_seconds{job}`).
   */
  constructor(
    private readonly beat: () => Promise<void>,
    readonly name = 'job',
  ) {}

  /** Reports every run of every job to `observer` (the metrics), until `unobserve`. */
  static observe(observer: JobObserver): void {
    PeriodicJob.observers.add(observer);
  }

  static unobserve(observer: JobObserver): void {
    PeriodicJob.observers.delete(observer);
  }

  /** Starts the timer (no-op when already started); it never keeps the process alive. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get started(): boolean {
    return this.timer !== null;
  }

  /** Whether a run is under way in this process. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** The run under way, for callers that join it rather than start another. */
  get underWay(): Promise<T> | null {
    return this.current;
  }

  /** Records `run` as the run under way until it settles, and returns it. */
  track(run: Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const report = (ok: boolean) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const observer of PeriodicJob.observers) observer(this.name, seconds, ok);
    };
    run.then(
      () => report(true),
      () => report(false),
    );
    const tracked = run.finally(() => {
      if (this.current === tracked) this.current = null;
    });
    this.current = tracked;
    return tracked;
  }

  /** Stops the timer and waits for the run under way (its failure is already reported). */
  async shutdown(): Promise<void> {
    this.stop();
    await this.current?.catch(() => undefined);
  }
}
