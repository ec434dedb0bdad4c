import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationView,
} from '@sigap/contracts';
import { EMPTY, catchError, interval, startWith, switchMap } from 'rxjs';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { NotificationsApi } from './notifications.api';

/** How often the bell asks for news (the panel reads again on opening too). */
export const NOTIFICATION_POLL_MS = new InjectionToken<number>('NOTIFICATION_POLL_MS', {
  providedIn: 'root',
  factory: () => 60_000,
});

/** The words of one notification, by kind. */
export function notificationText(
  n: NotificationView,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const params = {
    ticket: n.ticket ?? '',
    step: n.step ?? '',
    actor: n.actorName ?? t('notif.someone'),
  };
  if (n.kind === 'assigned')
    return t(n.step ? 'notif.text.assignedStep' : 'notif.text.assigned', params);
  return t(`notif.text.${n.kind}` as MessageKey, params);
}

/**
 * The bell in the top bar: the unread count (announced politely to screen readers when it
 * changes), a panel with the user's notifications linking to their tickets, marking read one or
 * all, and the settings of how each kind also reaches them. Reads every minute.
 */
@Component({
  selector: 'sg-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  host: { '(document:keydown.escape)': 'close(true)' },
  template: `
    <button
      #bellButton
      mat-icon-button
      type="button"
      class="bell"
      (click)="toggle()"
      [attr.aria-expanded]="open()"
      aria-controls="sg-notification-panel"
      [attr.aria-label]="
        unread() ? ('notif.bellUnread' | t: { count: unread() }) : ('notif.bell' | t)
      "
      data-test="notification-bell"
    >
      <mat-icon svgIcon="bell" />
      @if (unread()) {
        <span class="badge" aria-hidden="true" data-test="notification-count">{{ badge() }}</span>
      }
    </button>
    <span
      class="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-test="notification-live"
      >{{ unread() ? ('notif.unreadLive' | t: { count: unread() }) : '' }}</span
    >
    @if (open()) {
      <div class="backdrop" (click)="close(false)" aria-hidden="true"></div>
      <section
        id="sg-notification-panel"
        class="panel"
        role="dialog"
        aria-labelledby="sg-notification-title"
        data-test="notification-panel"
      >
        <header class="head">
          <h2 id="sg-notification-title" tabindex="-1" #title>{{ 'notif.title' | t }}</h2>
          <span class="grow"></span>
          <button
            mat-button
            type="button"
            (click)="markAll()"
            [disabled]="!unread()"
            data-test="notification-mark-all"
          >
            {{ 'notif.markAll' | t }}
          </button>
          <button
            mat-icon-button
            type="button"
            (click)="toggleSettings()"
            [attr.aria-expanded]="settingsOpen()"
            [attr.aria-label]="'notif.settings' | t"
            data-test="notification-settings"
          >
            <mat-icon svgIcon="settings" />
          </button>
          <button
            mat-icon-button
            type="button"
            (click)="close(true)"
            [attr.aria-label]="'app.close' | t"
          >
            <mat-icon svgIcon="remove" />
          </button>
        </header>
        @if (settingsOpen()) {
          <div class="settings" data-test="notification-preferences">
            <h3>{{ 'notif.settingsTitle' | t }}</h3>
            <p class="intro">{{ 'notif.settingsIntro' | t: { hour: prefs()?.digestHour ?? 7 } }}</p>
            @if (prefs(); as p) {
              @for (kind of kinds; track kind) {
                <label class="pref">
                  <span>{{ kindLabel(kind) | t }}</span>
                  <select
                    [value]="p.channels[kind]"
                    (change)="choose(kind, $any($event.target).value)"
                    [attr.data-test]="'pref-' + kind"
                  >
                    @for (c of channels; track c) {
                      <option [value]="c" [selected]="p.channels[kind] === c">
                        {{ channelLabel(c) | t }}
                      </option>
                    }
                  </select>
                </label>
              }
            }
            <p class="pref-status" role="status">{{ prefsStatus() ? (prefsStatus()! | t) : '' }}</p>
          </div>
        }
        @if (failed()) {
          <p class="empty" role="alert">{{ 'notif.loadFailed' | t }}</p>
        } @else if (!items().length) {
          <p class="empty">{{ 'notif.empty' | t }}</p>
        } @else {
          <ul class="list" data-test="notification-list">
            @for (n of items(); track n.id) {
              <li [class.unread]="!n.readAt" data-test="notification-item">
                @if (n.ticket) {
                  <a
                    class="item"
                    [routerLink]="['/tiket', n.ticket]"
                    (click)="opened(n)"
                    data-test="notification-link"
                  >
                    <span class="what">
                      @if (!n.readAt) {
                        <span class="dot" aria-hidden="true"></span>
                        <span class="visually-hidden">{{ 'notif.unread' | t }}:</span>
                      }
                      {{ text(n) }}
                    </span>
                    @if (n.ticketSubject) {
                      <span class="subject">{{ n.ticketSubject }}</span>
                    }
                    @if (n.excerpt) {
                      <span class="excerpt">{{ n.excerpt }}</span>
                    }
                    <span class="when">{{ when(n.createdAt) }}</span>
                  </a>
                }
                @if (!n.readAt) {
                  <button
                    mat-icon-button
                    type="button"
                    class="mark"
                    (click)="markOne(n)"
                    [attr.aria-label]="'notif.markOne' | t"
                    data-test="notification-mark"
                  >
                    <mat-icon svgIcon="check" />
                  </button>
                }
              </li>
            }
          </ul>
          @if (total() > items().length) {
            <button mat-button type="button" class="more" (click)="more()">
              {{ 'notif.more' | t }}
            </button>
          }
        }
      </section>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-flex;
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 4px;
      right: 2px;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 11px;
      font-weight: 700;
      line-height: 18px;
      text-align: center;
      box-sizing: border-box;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .backdrop {
      position: fixed;
      inset: 0;
      z-index: 10;
    }
    .panel {
      position: fixed;
      top: 64px;
      right: 8px;
      z-index: 11;
      width: min(420px, calc(100vw - 16px));
      max-height: calc(100dvh - 80px);
      overflow-y: auto;
      background: var(--mat-sys-surface-container-lowest, #fff);
      color: var(--mat-sys-on-surface);
      border-radius: 12px;
      box-shadow: 0 8px 24px rgb(0 0 0 / 20%);
      box-sizing: border-box;
      /* Not the top bar's type: body text that wraps. */
      white-space: normal;
      font-size: 14px;
      font-weight: 400;
      line-height: 1.45;
      letter-spacing: normal;
      text-align: start;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 8px 8px 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      --mat-icon-button-icon-color: var(--mat-sys-on-surface);
    }
    .head h2 {
      font-size: 18px;
      margin: 0;
    }
    .grow {
      flex: 1;
    }
    .settings {
      padding: 8px 16px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .settings h3 {
      font-size: 15px;
      margin: 4px 0;
    }
    .intro {
      font-size: 13px;
      margin: 0 0 8px;
    }
    .pref {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 4px 12px;
      padding: 4px 0;
      font-size: 14px;
    }
    .pref select {
      font: inherit;
      max-width: 100%;
      min-height: 32px;
      padding: 2px 4px;
    }
    .pref-status {
      font-size: 13px;
      margin: 4px 0 0;
      min-height: 1em;
    }
    .empty {
      padding: 16px;
      margin: 0;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      display: flex;
      align-items: flex-start;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      --mat-icon-button-icon-color: var(--mat-sys-on-surface);
    }
    .list li.unread {
      background: var(--mat-sys-primary-container);
    }
    .item {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 10px 8px 10px 16px;
      color: inherit;
      text-decoration: none;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .item:hover .what,
    .item:focus-visible .what {
      text-decoration: underline;
    }
    .unread .what {
      font-weight: 600;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      margin-right: 4px;
    }
    .subject,
    .excerpt,
    .when {
      font-size: 13px;
    }
    .excerpt {
      font-style: italic;
    }
    .when {
      opacity: 0.8;
    }
    .more {
      margin: 8px;
    }
    @media (max-width: 599.98px) {
      .panel {
        top: 56px;
      }
    }
  `,
})
export class NotificationBellComponent {
  private readonly api = inject(NotificationsApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly bellButton = viewChild('bellButton', { read: ElementRef<HTMLButtonElement> });
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly open = signal(false);
  protected readonly settingsOpen = signal(false);
  protected readonly items = signal<NotificationView[]>([]);
  protected readonly total = signal(0);
  protected readonly unread = signal(0);
  protected readonly failed = signal(false);
  protected readonly prefs = signal<NotificationPreferences | null>(null);
  protected readonly prefsStatus = signal<MessageKey | null>(null);
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  private limit = 20;

  constructor() {
    interval(inject(NOTIFICATION_POLL_MS))
      .pipe(
        startWith(0),
        switchMap(() =>
          this.api.list(this.limit).pipe(
            catchError(() => {
              this.failed.set(true);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.show(page));
  }

  protected kindLabel(kind: NotificationKind): MessageKey {
    return `notif.kind.${kind}`;
  }

  protected channelLabel(channel: NotificationChannel): MessageKey {
    return `notif.channel.${channel}`;
  }

  protected text(n: NotificationView): string {
    return notificationText(n, (key, params) => this.i18n.t(key, params));
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale() === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  }

  protected toggle(): void {
    if (this.open()) this.close(true);
    else {
      this.open.set(true);
      this.reload();
      setTimeout(() => this.title()?.nativeElement.focus());
    }
  }

  protected close(returnFocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    this.settingsOpen.set(false);
    if (returnFocus) this.bellButton()?.nativeElement.focus();
  }

  protected more(): void {
    this.limit = Math.min(this.limit + 20, 100);
    this.reload();
  }

  protected opened(n: NotificationView): void {
    this.close(false);
    if (!n.readAt) this.mark({ ids: [n.id] });
  }

  protected markOne(n: NotificationView): void {
    this.mark({ ids: [n.id] });
  }

  protected markAll(): void {
    this.mark({ all: true });
  }

  protected toggleSettings(): void {
    this.settingsOpen.update((v) => !v);
    if (this.settingsOpen() && !this.prefs())
      this.api
        .preferences()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (p) => this.prefs.set(p),
          error: () => this.prefsStatus.set('notif.loadFailed'),
        });
  }

  protected choose(kind: NotificationKind, channel: NotificationChannel): void {
    this.prefsStatus.set(null);
    this.api
      .savePreferences({ channels: { [kind]: channel } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (p) => {
          this.prefs.set(p);
          this.prefsStatus.set('notif.saved');
        },
        error: () => this.prefsStatus.set('notif.saveFailed'),
      });
  }

  private mark(body: { ids?: string[]; all?: boolean }): void {
    const now = new Date().toISOString();
    this.api
      .markRead(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.unread.set(result.unread);
          this.items.update((list) =>
            list.map((n) =>
              !n.readAt && (body.all || body.ids?.includes(n.id)) ? { ...n, readAt: now } : n,
            ),
          );
        },
        error: () => this.failed.set(true),
      });
  }

  private reload(): void {
    this.api
      .list(this.limit)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => this.show(page),
        error: () => this.failed.set(true),
      });
  }

  private show(page: { items: NotificationView[]; total: number; unread: number }): void {
    this.failed.set(false);
    this.items.set(page.items);
    this.total.set(page.total);
    this.unread.set(page.unread);
  }
}
