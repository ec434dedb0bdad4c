import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import type { LiveEvent } from '@sigap/contracts';
import { Observable, share, timer } from 'rxjs';
import { AuthService } from '../auth/auth.service';

export const LIVE_EVENTS_URL = '/api/v1/events';

/** What a live stream tells its subscribers. */
export type LiveMessage =
  { type: 'ready'; reconnected: boolean } | { type: 'ticket'; event: LiveEvent };

/** The stream's `ready` message. */
export type LiveReady = Extract<LiveMessage, { type: 'ready' }>;

/** See `LiveEvents.needsReload`: `liveAtStart` is whether the stream was live at subscription. */
export function reloadOnReady(liveAtStart: boolean): (message: LiveReady) => boolean {
  return (message) => message.reconnected || !liveAtStart;
}

/** How long the stream stays open after its last subscriber left (tests give a short one). */
export const LIVE_LINGER = new InjectionToken<number>('LIVE_LINGER', {
  providedIn: 'root',
  factory: () => LIVE_LINGER_MS,
});

/** The `fetch` the stream uses (tests give their own). */
export const LIVE_FETCH = new InjectionToken<typeof fetch>('LIVE_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

/**
 * How long the stream stays open after its last subscriber left: moving from the queue to a
 * ticket and back keeps one connection (and misses nothing in between).
 */
export const LIVE_LINGER_MS = 30_000;

/** Delays before reconnecting after a broken stream: 1 s, 2 s, 5 s, then every 10 s. */
export const RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10_000];

/** One parsed server-sent event. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits what arrived of a server-sent-event stream into whole events and the unfinished rest
 * (kept for the next chunk). Comments and fields other than `event` and `data` are ignored.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const text = buffer.replace(/\r\n?/g, '\n');
  let start = 0;
  let end: number;
  while ((end = text.indexOf('\n\n', start)) >= 0) {
    let event = 'message';
    const data: string[] = [];
    for (const line of text.slice(start, end).split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) events.push({ event, data: data.join('\n') });
    start = end + 2;
  }
  return { events, rest: text.slice(start) };
}

/**
 * The live changes of the tickets the signed-in user may read, as `GET /api/v1/events` streams
 * them. The stream is read with `fetch` so that it carries the bearer token in its header as
 * every other call (an `EventSource` cannot, and a token in the address would reach logs). One
 * connection is shared by every subscriber of the tab; it reconnects after a break (the server
 * also ends each stream after a few minutes) and says so with a `ready` whose `reconnected` is
 * true, since changes made meanwhile are not replayed: subscribers reload what they show.
 *
 * A page that read its data before the stream was ready may have missed a change made in
 * between; it reads again on the first `ready` unless `connected()` was already true when it
 * subscribed (see `needsReload`).
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly auth = inject(AuthService);
  private readonly fetchFn = inject(LIVE_FETCH);
  private readonly lingerMs = inject(LIVE_LINGER);
  /** True while a stream is open and every later change reaches it. */
  readonly connected = signal(false);

  /**
   * Whether a `ready` means the subscriber must read its data again: after a reconnection, or
   * the first time when the stream was not yet live as the subscriber loaded what it shows.
   */
  needsReload(): (message: LiveReady) => boolean {
    return reloadOnReady(this.connected());
  }

  readonly messages: Observable<LiveMessage> = new Observable<LiveMessage>((subscriber) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let connectedBefore = false;

    const retry = () => {
      if (stopped) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
      failures++;
      timer = setTimeout(connect, delay);
    };

    const connect = async () => {
      timer = null;
      const token = this.auth.token();
      if (stopped || !token) return;
      controller = new AbortController();
      try {
        const response = await this.fetchFn(LIVE_EVENTS_URL, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
          signal: controller.signal,
          cache: 'no-store',
        });
        // A refused session is the other calls' business (they lead to the sign-in page).
        if (response.status === 401 || response.status === 403) return;
        if (!response.ok || !response.body) throw new Error(`live stream: ${response.status}`);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done || stopped) break;
          buffer += decoder.decode(value, { stream: true });
          const parsed = parseSse(buffer);
          buffer = parsed.rest;
          for (const e of parsed.events) {
            if (e.event === 'ready') {
              failures = 0;
              this.connected.set(true);
              subscriber.next({ type: 'ready', reconnected: connectedBefore });
              connectedBefore = true;
            } else if (e.event === 'ticket') {
              subscriber.next({ type: 'ticket', event: JSON.parse(e.data) as LiveEvent });
            }
          }
        }
      } catch {
        // A network break or an aborted read: retried below unless stopped.
      }
      this.connected.set(false);
      retry();
    };

    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      this.connected.set(false);
    };
  }).pipe(share({ resetOnRefCountZero: () => timer(this.lingerMs) }));
}
