/**
 * The soak's clients: every request goes through the load balancer; an answer of 5xx or a broken
 * connection is recorded with its time and retried (with a growing pause), as a browser or a
 * mail pipe would; anything else is the answer.
 */

export interface Failure {
  at: number;
  /** HTTP status, or 0 for a connection that failed (nothing answered). */
  status: number;
  method: string;
  route: string;
}

export class Stats {
  requests = 0;
  /** Answers by status class (`2xx`, `4xx`, …). */
  readonly byClass = new Map<string, number>();
  /** Every 5xx and broken connection, each retried. */
  readonly failures: Failure[] = [];
  /** Requests still failing after every retry. */
  readonly gaveUp: Failure[] = [];
  /** Answers by route and status, for the 4xx a run should not have. */
  readonly unexpected: { route: string; status: number; body: string }[] = [];
  readonly latencies: number[] = [];

  count(status: number): void {
    const key = `${Math.floor(status / 100)}xx`;
    this.byClass.set(key, (this.byClass.get(key) ?? 0) + 1);
  }
}

export interface Answer<T> {
  status: number;
  body: T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Client {
  constructor(
    private readonly base: string,
    readonly stats: Stats,
  ) {}

  /**
   * One request; `route` names it in the figures (the pattern, not the path). Retries 5xx and
   * broken connections for up to two minutes (a database restart takes a few seconds).
   */
  async call<T = unknown>(
    method: string,
    path: string,
    route: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<Answer<T>> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      const t0 = performance.now();
      let status = 0;
      let text = '';
      try {
        const res = await fetch(this.base + path, {
          method,
          headers: {
            ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
            ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
        status = res.status;
        text = await res.text();
      } catch {
        status = 0;
      }
      this.stats.latencies.push(performance.now() - t0);
      if (status) this.stats.count(status);
      if (status >= 500 || status === 0) {
        const failure = { at: Date.now(), status, method, route };
        this.stats.failures.push(failure);
        if (Date.now() - started > 120_000) {
          this.stats.gaveUp.push(failure);
          throw new Error(
            `${method} ${route}: ${status || 'tanpa jawaban'} setelah ${attempt + 1} percobaan`,
          );
        }
        await sleep(Math.min(5000, 250 * 2 ** Math.min(attempt, 5)));
        continue;
      }
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON
      }
      return { status, body: body as T };
    }
  }

  /** Like `call`, and anything but `expected` is noted as unexpected. */
  async expect<T = unknown>(
    expected: number,
    method: string,
    path: string,
    route: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<T | null> {
    const answer = await this.call<T>(method, path, route, options);
    if (answer.status !== expected) {
      this.stats.unexpected.push({
        route: `${method} ${route}`,
        status: answer.status,
        body: JSON.stringify(answer.body).slice(0, 300),
      });
      return null;
    }
    return answer.body;
  }
}

/**
 * Runs `step` again and again with `pauseMs` between the end of one and the start of the next,
 * until `running()` is false; a step that throws is counted (its failure is in the figures).
 */
export async function loop(
  running: () => boolean,
  pauseMs: number,
  step: () => Promise<void>,
  errors: string[],
): Promise<void> {
  while (running()) {
    try {
      await step();
    } catch (error) {
      errors.push((error as Error).message);
    }
    await sleep(pauseMs * (0.75 + Math.random() / 2));
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
