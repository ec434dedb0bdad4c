import { TestBed } from '@angular/core/testing';
import type { CurrentUser, LiveEvent } from '@sigap/contracts';
import { consoleTestProviders, resetStorage } from '../../testing/providers';
import {
  LIVE_EVENTS_URL,
  LIVE_FETCH,
  LIVE_LINGER,
  LiveEvents,
  parseSse,
  type LiveMessage,
} from './live-events';

const AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
};

/** A stream the spec writes to, as the API's `GET /api/v1/events` would. */
class FakeStream {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly body = new ReadableStream<Uint8Array>({ start: (c) => (this.controller = c) });
  write(text: string): void {
    this.controller.enqueue(new TextEncoder().encode(text));
  }
  end(): void {
    this.controller.close();
  }
}

describe('parseSse', () => {
  it('splits whole events from the unfinished rest, across chunks and line endings', () => {
    const first = parseSse('event: ready\ndata: {}\n\nevent: ticket\r\ndata: {"a"');
    expect(first.events).toEqual([{ event: 'ready', data: '{}' }]);
    const second = parseSse(first.rest + ':1}\r\n\r\n: a comment\n\nid: 3\n');
    expect(second.events).toEqual([{ event: 'ticket', data: '{"a":1}' }]);
    expect(second.rest).toBe('id: 3\n');
  });
});

describe('LiveEvents', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let calls: { url: string; init: RequestInit | undefined; stream: FakeStream }[];

  function setUp(status = 200): LiveEvents {
    resetStorage(AGENT, 'tok-live');
    calls = [];
    const fakeFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const stream = new FakeStream();
      calls.push({ url: String(input), init, stream });
      return Promise.resolve(new Response(status === 200 ? stream.body : null, { status }));
    };
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders(),
        { provide: LIVE_FETCH, useValue: fakeFetch },
        { provide: LIVE_LINGER, useValue: 100 },
      ],
    });
    return TestBed.inject(LiveEvents);
  }

  it('reads the stream with the bearer token, shares one connection, and reconnects after it ends', async () => {
    const live = setUp();
    const a: LiveMessage[] = [];
    const b: LiveMessage[] = [];
    const first = live.messages.subscribe((m) => a.push(m));
    const second = live.messages.subscribe((m) => b.push(m));
    await wait(0);
    expect(calls.length).toBe(1);
    expect(calls[0].url).toBe(LIVE_EVENTS_URL);
    expect((calls[0].init?.headers as Record<string, string>)['Authorization']).toBe(
      'Bearer tok-live',
    );

    const event: LiveEvent = {
      kind: 'changed',
      ticket: 'BALI-2026-000001',
      office: 'bali',
      version: 3,
      at: '2026-03-02T02:00:00.000Z',
    };
    calls[0].stream.write('event: ready\ndata: {}\n\nevent: ping\ndata: {}\n\n');
    calls[0].stream.write(`event: ticket\ndata: ${JSON.stringify(event)}\n\n`);
    await wait(10);
    expect(a).toEqual([
      { type: 'ready', reconnected: false },
      { type: 'ticket', event },
    ]);
    expect(b.length).toBe(2);

    // The server ends the stream: a new one opens within a second and says it reconnected.
    calls[0].stream.end();
    await wait(1200);
    expect(calls.length).toBe(2);
    calls[1].stream.write('event: ready\ndata: {}\n\n');
    await wait(10);
    expect(a[a.length - 1]).toEqual({ type: 'ready', reconnected: true });

    first.unsubscribe();
    second.unsubscribe();
    // Kept a little for the next page, then closed.
    expect((calls[1].init?.signal as AbortSignal).aborted).toBeFalse();
    expect(live.connected()).toBeTrue();
    await wait(150);
    expect((calls[1].init?.signal as AbortSignal).aborted).toBeTrue();
    expect(live.connected()).toBeFalse();
  });

  it('keeps the stream for the next page, which then reads nothing again; a page that read before the stream was ready does', async () => {
    const live = setUp();
    const early = live.needsReload();
    const got: LiveMessage[] = [];
    const queue = live.messages.subscribe((m) => got.push(m));
    await wait(0);
    calls[0].stream.write('event: ready\ndata: {}\n\n');
    await wait(10);
    expect(live.connected()).toBeTrue();
    // The page that subscribed before the stream was live reads again on its first ready.
    expect(early({ type: 'ready', reconnected: false })).toBeTrue();
    queue.unsubscribe();
    // The next page comes within the linger: same connection, already live.
    const late = live.needsReload();
    const ticket = live.messages.subscribe(() => undefined);
    await wait(150);
    expect(calls.length).toBe(1);
    expect(late({ type: 'ready', reconnected: false })).toBeFalse();
    expect(late({ type: 'ready', reconnected: true })).toBeTrue();
    ticket.unsubscribe();
  });

  it('stops on a refused session (the other calls lead to the sign-in page)', async () => {
    const live = setUp(401);
    const got: LiveMessage[] = [];
    const subscription = live.messages.subscribe((m) => got.push(m));
    await wait(1200);
    expect(calls.length).toBe(1);
    expect(got).toEqual([]);
    subscription.unsubscribe();
  });
});
