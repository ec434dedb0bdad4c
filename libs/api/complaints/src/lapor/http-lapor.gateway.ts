import type { LaporReporterPrivacy } from '@sigap/contracts';
import {
  LaporError,
  LaporGateway,
  type LaporAttachmentRef,
  type LaporAuthor,
  type LaporInboundReport,
  type LaporResponse,
  type LaporState,
  type LaporSubmission,
  type LaporUpdate,
} from './lapor-gateway';

type Fetch = typeof fetch;

/**
 * LAPOR! over HTTP, a bearer token on each call: `POST {base}/complaints` forwards,
 * `GET {base}/complaints/{id}` reads a report's state, `GET {base}/dispositions` lists the reports
 * dispositioned to the agency, `GET {base}/complaints/{id}/attachments/{file}` fetches a file and
 * `POST {base}/complaints/{id}/responses` (with an `Idempotency-Key`) sends an answer or status.
 * Errors name the status and the path, never the token or the body sent; 4xx other than 408 and
 * 429 are not worth another attempt.
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
            author: authorOf(stringField(u, 'author')),
          }))
      : [];
    return {
      trackingId,
      status: stringField(body, 'status') ?? '',
      updates,
      agency: stringField(body, 'agency'),
      withdrawn: (body as { withdrawn?: unknown }).withdrawn === true,
    };
  }

  async inbox(): Promise<LaporInboundReport[]> {
    const body = await this.call('GET', '/dispositions');
    const raw = (body as { reports?: unknown }).reports;
    if (!Array.isArray(raw)) throw new LaporError('jawaban LAPOR! tanpa daftar laporan');
    return raw
      .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
      .map((r) => inboundReport(r))
      .filter((r): r is LaporInboundReport => r !== null);
  }

  async attachment(trackingId: string, id: string, maxBytes: number): Promise<Buffer> {
    const path = `/complaints/${encodeURIComponent(trackingId)}/attachments/${encodeURIComponent(id)}`;
    const response = await this.send('GET', path);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new LaporError(`lampiran melebihi ${maxBytes} byte`, false);
    const reader = response.body?.getReader();
    if (!reader) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new LaporError(`lampiran melebihi ${maxBytes} byte`, false);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }

  async respond(trackingId: string, response: LaporResponse): Promise<void> {
    await this.call('POST', `/complaints/${encodeURIComponent(trackingId)}/responses`, response, {
      'Idempotency-Key': response.key,
    });
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ): Promise<unknown> {
    const response = await this.send(method, path, payload, extra);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new LaporError(`jawaban LAPOR! bukan JSON (${method} ${path})`);
    }
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...extra,
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new LaporError(`LAPOR! tidak dapat dihubungi (${method} ${path}): ${errorName(error)}`);
    }
    if (!response.ok) {
      const again = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new LaporError(`LAPOR! menjawab ${response.status} (${method} ${path})`, again);
    }
    return response;
  }
}

function authorOf(value: string | null): LaporAuthor | undefined {
  return value === 'agency' || value === 'reporter' || value === 'lapor' ? value : undefined;
}

function privacyOf(value: string | null): LaporReporterPrivacy {
  // Anything LAPOR! does not state plainly as named is treated as the stricter choice.
  if (value === 'named' || value === 'public') return 'named';
  if (value === 'anonymous' || value === 'anonim') return 'anonymous';
  return 'confidential';
}

const CATEGORIES = ['pengaduan', 'saran', 'masukan'] as const;

/** One report of the disposition list; null when it lacks what a complaint needs. */
function inboundReport(r: Record<string, unknown>): LaporInboundReport | null {
  const trackingId = stringField(r, 'trackingId') ?? stringField(r, 'tracking_id');
  const agency = stringField(r, 'agency');
  const body = stringField(r, 'body') ?? stringField(r, 'text');
  if (!trackingId || !agency || !body) return null;
  const category = CATEGORIES.find((c) => c === stringField(r, 'category')) ?? 'pengaduan';
  const privacy = privacyOf(stringField(r, 'privacy'));
  const reporter = r['reporter'];
  const files = Array.isArray(r['attachments']) ? r['attachments'] : [];
  return {
    trackingId,
    agency,
    category,
    title: stringField(r, 'title') ?? '',
    body,
    privacy,
    reporter:
      privacy === 'named' && reporter && typeof reporter === 'object'
        ? {
            name: stringField(reporter, 'name'),
            email: stringField(reporter, 'email'),
            phone: stringField(reporter, 'phone'),
          }
        : null,
    submittedAt: stringField(r, 'submittedAt') ?? new Date(0).toISOString(),
    dispositionedAt: stringField(r, 'dispositionedAt'),
    status: stringField(r, 'status') ?? '',
    attachments: files
      .filter((f): f is Record<string, unknown> => !!f && typeof f === 'object')
      .map((f): LaporAttachmentRef | null => {
        const id = stringField(f, 'id');
        if (!id) return null;
        const size = Number(f['size']);
        return {
          id,
          fileName: stringField(f, 'fileName') ?? stringField(f, 'name') ?? 'lampiran',
          contentType: stringField(f, 'contentType'),
          size: Number.isFinite(size) ? size : null,
        };
      })
      .filter((f): f is LaporAttachmentRef => f !== null),
  };
}

function stringField(value: unknown, field: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' && v.trim() ? v : null;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'galat';
}
