import { LaporError } from './lapor-gateway';
import { HttpLaporGateway } from './http-lapor.gateway';

const TOKEN = 'token-rahasia-lapor-987';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a table by method and path, and records each call. */
function fakeFetch(answers: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fn = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const path = new URL(url).pathname.replace(/^\/v1/, '');
    const answer = answers[`${init.method} ${path}`];
    return Promise.resolve(answer ? answer() : new Response('{}', { status: 404 }));
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HttpLaporGateway', () => {
  it('reads the disposition list, keeping a reporter only when named', async () => {
    const { fn, calls } = fakeFetch({
      'GET /dispositions': () =>
        json({
          reports: [
            {
              trackingId: 'LPR1',
              agency: 'bali',
              category: 'saran',
              title: 'Judul',
              body: '<p>Isi</p>',
              privacy: 'named',
              reporter: { name: 'Ni Luh', email: 'niluh@example.id' },
              attachments: [{ id: 'f1', fileName: 'a.png', contentType: 'image/png', size: 10 }],
            },
            {
              trackingId: 'LPR2',
              agency: 'bali',
              body: 'Isi',
              privacy: 'rahasia',
              reporter: { name: 'Tersembunyi', email: 'x@example.id' },
            },
            { trackingId: 'LPR3', body: 'tanpa instansi' },
          ],
        }),
    });
    const reports = await new HttpLaporGateway('https://lapor.test/v1', TOKEN, fn).inbox();
    expect(reports.map((r) => r.trackingId)).toEqual(['LPR1', 'LPR2']);
    expect(reports[0].category).toBe('saran');
    expect(reports[0].reporter?.name).toBe('Ni Luh');
    expect(reports[0].attachments).toEqual([
      { id: 'f1', fileName: 'a.png', contentType: 'image/png', size: 10 },
    ]);
    // Anything not plainly named is the stricter choice, and its reporter is dropped.
    expect(reports[1].privacy).toBe('confidential');
    expect(reports[1].reporter).toBeNull();
    expect((calls[0].init.headers as Record<string, string>)['Authorization']).toBe(
      `Bearer ${TOKEN}`,
    );
  });

  it('sends a response with its idempotency key', async () => {
    const { fn, calls } = fakeFetch({ 'POST /complaints/LPR1/responses': () => json({}) });
    await new HttpLaporGateway('https://lapor.test/v1', TOKEN, fn).respond('LPR1', {
      kind: 'answer',
      key: 'k-1',
      reference: 'ADUBALI-2026-000001',
      status: 'Ditindaklanjuti',
      text: 'Sudah diperbaiki.',
      at: '2026-05-11T02:00:00.000Z',
    });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe('k-1');
    expect(JSON.parse(String(calls[0].init.body)).text).toBe('Sudah diperbaiki.');
  });

  it('tells an outage (worth another try) from a refusal, never naming the token', async () => {
    const gateway = (status: number) =>
      new HttpLaporGateway(
        'https://lapor.test/v1',
        TOKEN,
        fakeFetch({ 'POST /complaints/LPR1/responses': () => json({}, status) }).fn,
      );
    const response = {
      kind: 'status' as const,
      key: 'k',
      reference: 'R',
      status: 'Selesai',
      text: null,
      at: '2026-05-11T02:00:00.000Z',
    };
    for (const [status, retryable] of [
      [503, true],
      [429, true],
      [422, false],
      [401, false],
    ] as const) {
      const error = await gateway(status)
        .respond('LPR1', response)
        .then(() => null)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LaporError);
      expect((error as LaporError).retryable)
        .withContext(String(status))
        .toBe(retryable);
      expect((error as LaporError).message).not.toContain(TOKEN);
    }
    const down = new HttpLaporGateway('https://lapor.test/v1', TOKEN, (() =>
      Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch);
    const error = await down.inbox().catch((e: unknown) => e);
    expect((error as LaporError).retryable).toBeTrue();
    expect((error as LaporError).message).toContain('tidak dapat dihubungi');
  });

  it('refuses a file larger than allowed while reading it', async () => {
    const big = Buffer.alloc(2048, 1);
    const { fn } = fakeFetch({
      'GET /complaints/LPR1/attachments/f1': () => new Response(big, { status: 200 }),
    });
    const gateway = new HttpLaporGateway('https://lapor.test/v1', TOKEN, fn);
    const error = await gateway.attachment('LPR1', 'f1', 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaporError);
    expect((error as LaporError).retryable).toBeFalse();
    expect((await gateway.attachment('LPR1', 'f1', 4096)).length).toBe(2048);
  });
});
