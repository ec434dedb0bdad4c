import {
  LaporError,
  LaporGateway,
  type LaporState,
  type LaporSubmission,
  type LaporUpdate,
} from './lapor-gateway';

type Fetch = typeof fetch;

/**
 * LAPOR! over HTTP: `POST {base}/complaints` with the submission, `GET {base}/complaints/{id}`
 * for its state, a bearer token on each call. Errors name the status and the path, never the
 * token or the body sent.
 */
export class HttpLaporGateway extends LaporGateway {
  readonly available = true;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchFn: Fetch = fetch,
    private readonly timeoutMs = 15_000,
  ) {
    super();
  }

  async forward(submission: LaporSubmission): Promise<{ trackingId: string; status: string }> {
    const body = await this.call('POST', '/complaints', submission);
    const trackingId = stringField(body, 'trackingId') ?? stringField(body, 'tracking_id');
    if (!trackingId) throw new LaporError('jawaban LAPOR! tanpa nomor pelacakan');
    return { trackingId, status: stringField(body, 'status') ?? 'Terkirim' };
  }

  async pull(trackingId: string): Promise<LaporState> {
    const body = await this.call('GET', `/complaints/${encodeURIComponent(trackingId)}`);
    const raw = (body as { updates?: unknown }).updates;
    const updates: LaporUpdate[] = Array.isArray(raw)
      ? raw
          .filter((u): u is Record<string, unknown> => !!u && typeof u === 'object')
          .map((u) => ({
            at: stringField(u, 'at') ?? new Date(0).toISOString(),
            status: stringField(u, 'status') ?? '',
            answer: stringField(u, 'answer'),
            from: stringField(u, 'from'),
          }))
      : [];
    return { trackingId, status: stringField(body, 'status') ?? '', updates };
  }

  private async call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new LaporError(`LAPOR! tidak dapat dihubungi (${method} ${path}): ${errorName(error)}`);
    }
    if (!response.ok)
      throw new LaporError(`LAPOR! menjawab ${response.status} (${method} ${path})`);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new LaporError(`jawaban LAPOR! bukan JSON (${method} ${path})`);
    }
  }
}

function stringField(value: unknown, field: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' && v.trim() ? v : null;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'galat';
}
