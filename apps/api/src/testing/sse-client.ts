/**
 * A server-sent-event reader for tests: `fetch` with the bearer token (as the console reads the
 * stream), each message parsed into its `event` name and JSON `data`.
 */
export interface SseMessage {
  event: string;
  data: unknown;
  at: number;
}

export class SseClient {
  readonly messages: SseMessage[] = [];
  status = 0;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  /** Opens the stream; resolves with the status once the answer's head is in. */
  async open(): Promise<number> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.token) headers['Authorization'] = `Bearer ${this.token}`;
    const response = await fetch(this.url, { headers, signal: this.abort.signal });
    this.status = response.status;
    if (response.status !== 200 || !response.body) {
      await response.text().catch(() => undefined);
      return response.status;
    }
    this.done = this.read(response.body).catch(() => undefined);
    return response.status;
  }

  /** Waits for a message matching `test` (already received or to come), at most `ms`. */
  async next(test: (m: SseMessage) => boolean, ms: number): Promise<SseMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has ended the stream (or it was closed here). */
  get ended(): Promise<void> {
    return this.done;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (!data.length) continue;
        this.messages.push({ event, data: JSON.parse(data.join('\n')), at: Date.now() });
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting) wake();
      }
    }
  }
}
