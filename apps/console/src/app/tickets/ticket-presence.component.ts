import { HttpBackend, HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Injectable,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { PRESENCE_HEARTBEAT_MS, type PresenceView } from '@sigap/contracts';
import { type Observable, Subscription, catchError, filter, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { TranslatePipe } from '../i18n/i18n.service';
import { LiveEvents } from '../shared/live-events';

/**
 * The presence endpoints. Heartbeats go straight to the HTTP backend with the session's token:
 * a request that repeats every few seconds must not keep the page from counting as settled
 * (the interceptor chain marks each request as pending work), and a refused one is ignored
 * (the page's own calls handle an ended session).
 */
@Injectable({ providedIn: 'root' })
export class PresenceApi {
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly auth = inject(AuthService);

  /** The workspace's heartbeat on a ticket; answers the others who have it open. */
  heartbeat(number: string, typing: boolean): Observable<PresenceView[]> {
    return this.http.put<PresenceView[]>(this.url(number), { typing }, { headers: this.headers() });
  }

  /** The workspace closed the ticket. */
  leave(number: string): Observable<unknown> {
    return this.http.delete(this.url(number), { headers: this.headers() });
  }

  /** `leave` as the page goes away: a request the browser completes after the page is gone. */
  leaveOnExit(number: string): void {
    void fetch(this.url(number), {
      method: 'DELETE',
      headers: this.headers(),
      keepalive: true,
    }).catch(() => undefined);
  }

  private url(number: string): string {
    return `/api/v1/tickets/${encodeURIComponent(number)}/presence`;
  }

  private headers(): Record<string, string> {
    const token = this.auth.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }
}

/**
 * Two letters of a name for its avatar: "Dewi Lestari" gives "DL"; what stands in parentheses
 * (an office, "Kepala Seksi (BALI)") is left out.
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => w[0].toUpperCase()).join('') || '?';
}

/**
 * Who else has the ticket open, and who is writing a reply: the workspace's heartbeat (every
 * few seconds, at once when the user starts or stops writing, and when the live feed says
 * someone arrived, left or started typing) answers the list. The user's own presence ends when
 * the page closes (or expires on the server when the tab goes away without a word).
 */
@Component({
  selector: 'sg-ticket-presence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (others().length) {
      <div class="presence" data-test="presence" role="status">
        <span class="muted small">{{ 'live.presence.label' | t }}:</span>
        @for (p of others(); track p.userId) {
          <span class="who" [class.typing]="p.typing" data-test="presence-user">
            <span class="avatar" aria-hidden="true">{{ initials(p.name) }}</span>
            <span class="name">{{ p.name }}</span>
            <span class="state">{{
              (p.typing ? 'live.presence.typing' : 'live.presence.viewing') | t
            }}</span>
          </span>
        }
      </div>
      @if (typingName(); as name) {
        <p class="warn small" data-test="presence-typing">
          {{ 'live.presence.typingWarn' | t: { name } }}
        </p>
      }
    }
  `,
  styles: `
    .presence {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      margin: 4px 0 8px;
    }
    .who {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px 2px 2px;
      border-radius: 16px;
      background: var(--sg-surface-2, #eef1f5);
      max-width: 100%;
    }
    .who.typing {
      background: #fff4d6;
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 26px;
      height: 26px;
      border-radius: 50%;
      background: #3f6fb5;
      color: #fff;
      font-size: 12px;
      font-weight: 600;
      flex: none;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .state {
      font-size: 12px;
      opacity: 0.8;
    }
    .warn {
      margin: 0 0 8px;
      color: #8a5a00;
    }
  `,
})
export class TicketPresenceComponent {
  private readonly api = inject(PresenceApi);
  private readonly live = inject(LiveEvents);

  /** The ticket shown. */
  readonly number = input.required<string>();
  /** Whether the user is writing a reply or a note. */
  readonly typing = input(false);

  protected readonly others = signal<PresenceView[]>([]);
  protected readonly typingName = computed(
    () =>
      this.others()
        .filter((p) => p.typing)
        .map((p) => p.name)
        .join(', ') || null,
  );
  protected readonly initials = initials;
  private request: Subscription | null = null;
  private destroyed = false;

  constructor() {
    const destroyRef = inject(DestroyRef);
    // A heartbeat at once for a new ticket or a change of writing, then every few seconds.
    effect((onCleanup) => {
      this.number();
      this.typing();
      untracked(() => this.beat());
      const timer = setInterval(() => this.beat(), PRESENCE_HEARTBEAT_MS);
      onCleanup(() => clearInterval(timer));
    });
    // Leaving one ticket for another (or the page): the previous ticket is told.
    let shown: string | null = null;
    effect(() => {
      const number = this.number();
      if (shown && shown !== number)
        this.api
          .leave(shown)
          .pipe(catchError(() => of(null)))
          .subscribe();
      shown = number;
    });
    const feed = this.live.messages
      .pipe(
        filter(
          (m) =>
            m.type === 'ready' ||
            (m.event.kind === 'presence' && m.event.ticket === untracked(this.number)),
        ),
      )
      .subscribe(() => this.beat());
    // A closed tab or a page left for another site: the goodbye outlives the page.
    const hide = () => {
      if (shown) this.api.leaveOnExit(shown);
    };
    window.addEventListener('pagehide', hide);
    destroyRef.onDestroy(() => {
      window.removeEventListener('pagehide', hide);
      feed.unsubscribe();
      this.destroyed = true;
      const ticket = shown;
      if (!ticket) return;
      const goodbye = () =>
        this.api
          .leave(ticket)
          .pipe(catchError(() => of(null)))
          .subscribe();
      // A heartbeat still on its way would bring the user back after the goodbye: it goes after.
      if (this.request && !this.request.closed) this.request.add(goodbye);
      else goodbye();
    });
  }

  private beat(): void {
    const number = untracked(this.number);
    if (!number || this.destroyed) return;
    this.request?.unsubscribe();
    this.request = this.api
      .heartbeat(number, untracked(this.typing))
      .pipe(catchError(() => of(null)))
      .subscribe((list) => {
        if (list) this.others.set(list);
      });
  }
}
