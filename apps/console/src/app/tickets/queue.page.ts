import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  INCIDENT_PRIORITIES,
  TICKET_KINDS,
  type IncidentPriority,
  type OpdView,
  type ServiceSummary,
  type TicketKind,
  type TicketSummary,
} from '@sigap/contracts';
import { catchError, debounceTime, filter, of, type Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { BulkAssignComponent } from './bulk-assign.component';
import type { MessageKey } from '../i18n/id';
import { LiveEvents } from '../shared/live-events';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { ChosenOffice } from '../shared/chosen-office';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { HighlightComponent, highlightParts } from '../shared/highlight';
import { spellRemaining, type StandardUnit } from './remaining-text';
import type { WorkCalendar } from '@sigap/sla';
import { TICK_MS, isCounting } from './countdown';
import { PAGE_SIZE, QueuePrefetch } from './queue-prefetch';
import { DEFAULT_QUEUE_VIEW, QUEUE_VIEWS, viewQuery, type QueueView } from './queue-views';
import { TicketsApi, type TicketQuery } from './tickets.api';
import { WorkingTime } from './working-time';

/** Height of one queue row in pixels (the virtual scroll needs a fixed size). */
export const ROW_HEIGHT = 76;
/** Height of one row on a phone, where a ticket is a card of five or six lines. */
export const PHONE_ROW_HEIGHT = 148;
/** The width below which the queue shows cards (the layout's phone breakpoint). */
const PHONE_QUERY = '(max-width: 599.98px)';
export { PAGE_SIZE };

/** A burst of live changes refreshes the list once, this long after the last. */
export const QUEUE_LIVE_DEBOUNCE_MS = 500;
/** The most rows one refresh reads again (the API's page limit). */
const REFRESH_MAX = 200;
/** Load the next page when the first visible row comes this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

/** `/tiket`: the queue of the user's office, by view, sorted by due, virtually scrolled. */
@Component({
  selector: 'sg-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ScrollingModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
    BulkAssignComponent,
    OfficeSelectComponent,
    HighlightComponent,
  ],
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <section class="page queue">
      <header class="page-header">
        <h1>{{ 'tickets.title' | t }}</h1>
        <span class="spacer"></span>
        @if (isAdmin()) {
          <sg-office-select
            [offices]="offices()"
            [value]="office()"
            (chosen)="chosenOffice.set($event)"
          />
        }
        <a mat-flat-button routerLink="/tiket/baru" data-test="new-ticket">
          <mat-icon svgIcon="add" />{{ 'tickets.new' | t }}
        </a>
        @if (canOpenIncident()) {
          <a mat-stroked-button routerLink="/tiket/gangguan-baru" data-test="new-incident">
            <mat-icon svgIcon="warning" />{{ 'inc.new.button' | t }}
          </a>
          <a mat-stroked-button routerLink="/tiket/perubahan-baru" data-test="new-change">
            <mat-icon svgIcon="add" />{{ 'chg.new.button' | t }}
          </a>
        }
      </header>
      <nav class="views" [attr.aria-label]="'tickets.title' | t">
        @for (item of views; track item) {
          <button
            mat-stroked-button
            type="button"
            [class.current]="view() === item"
            [attr.aria-pressed]="view() === item"
            (click)="view.set(item)"
            [attr.data-test]="'view-' + item"
          >
            {{ viewLabel(item) | t }}
          </button>
        }
      </nav>
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'tickets.filter.service' | t }}</mat-label>
          <mat-select [value]="service()" (valueChange)="service.set($event)" data-test="service">
            <mat-option [value]="''">{{ 'tickets.filter.any' | t }}</mat-option>
            @for (item of services(); track item.code) {
              <mat-option [value]="item.code">{{ item.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'tickets.filter.opd' | t }}</mat-label>
          <mat-select [value]="opd()" (valueChange)="opd.set($event)" data-test="opd">
            <mat-option [value]="''">{{ 'tickets.filter.any' | t }}</mat-option>
            @for (item of opds(); track item.id) {
              <mat-option [value]="item.id">{{ item.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.filter.kind' | t }}</mat-label>
          <mat-select [value]="kind()" (valueChange)="kind.set($event)" data-test="kind">
            <mat-option [value]="''">{{ 'tickets.filter.any' | t }}</mat-option>
            @for (item of kinds; track item) {
              <mat-option [value]="item">{{ key('inc.kind', item) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inc.filter.priority' | t }}</mat-label>
          <mat-select
            [value]="priority()"
            (valueChange)="priority.set($event)"
            data-test="priority"
          >
            <mat-option [value]="''">{{ 'tickets.filter.any' | t }}</mat-option>
            @for (item of priorities; track item) {
              <mat-option [value]="item">{{ key('inc.priority', item) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
          <mat-label>{{ 'tickets.search' | t }}</mat-label>
          <input
            #search
            matInput
            type="search"
            [value]="q()"
            (change)="q.set(search.value.trim())"
            (keydown.enter)="q.set(search.value.trim())"
            data-test="search"
          />
        </mat-form-field>
      </div>
      <p class="muted keys">
        {{ 'tickets.keys' | t }} · {{ 'agent.bulk.keys' | t }} ·
        {{ (calendar() ? 'agent.queue.dueHintWorking' : 'tickets.dueHint') | t }}
      </p>
      @if (loading() && items().length === 0) {
        <mat-progress-bar mode="indeterminate" />
      } @else if (items().length === 0) {
        <p class="empty" data-test="empty">{{ 'tickets.empty' | t }}</p>
      }
      @if (items().length) {
        <div class="bulk" data-test="bulk-bar">
          <mat-checkbox
            [checked]="allChecked()"
            [indeterminate]="checkedCount() > 0 && !allChecked()"
            (change)="checkAll($event.checked)"
            data-test="select-all"
            >{{ 'agent.bulk.selectAll' | t }}</mat-checkbox
          >
          <span class="muted" aria-live="polite" data-test="selected-count">{{
            'agent.bulk.selected' | t: { count: checkedCount() }
          }}</span>
          <button
            mat-stroked-button
            type="button"
            [disabled]="checkedCount() === 0"
            (click)="assignChecked()"
            data-test="assign-selected"
          >
            {{ 'agent.bulk.assignSelected' | t }}
          </button>
        </div>
      }
      <cdk-virtual-scroll-viewport
        [itemSize]="rowHeight"
        class="viewport"
        [class.hidden]="items().length === 0"
        (scrolledIndexChange)="scrolled($event)"
        data-test="queue"
      >
        <div
          *cdkVirtualFor="let ticket of items(); let i = index; trackBy: byNumber"
          class="row-wrap"
          [class.selected]="i === selected()"
          [class.checked]="checked().has(ticket.number)"
          data-test="ticket-row"
        >
          <mat-checkbox
            class="check"
            [checked]="checked().has(ticket.number)"
            (change)="toggle(ticket.number)"
            [aria-label]="'agent.bulk.selectRow' | t: { number: ticket.number }"
            data-test="row-check"
          />
          <a
            class="row"
            [routerLink]="['/tiket', ticket.number]"
            [attr.aria-current]="i === selected() ? 'true' : null"
          >
            <span class="number">{{ ticket.number }}</span>
            <span class="subject"><sg-highlight [text]="ticket.subject" [query]="q()" /></span>
            <span class="meta">
              {{
                ticket.kind === 'incident' || ticket.kind === 'change'
                  ? (key('inc.kind', ticket.kind) | t)
                  : serviceName(ticket.service)
              }}
              · {{ opdName(ticket.opdId) }} ·
              {{ key('tickets.channel', ticket.channel) | t }}
              @if (matchedElsewhere(ticket); as where) {
                ·
                <span class="matched" data-test="matched-in">{{
                  'search.matchedIn' | t: { where }
                }}</span>
              }
            </span>
            <span class="state">
              @if (ticket.priority) {
                <span
                  class="priority-badge"
                  [attr.data-priority]="ticket.priority"
                  [attr.title]="key('inc.priority', ticket.priority) | t"
                  data-test="row-priority"
                  >{{ ticket.priority }}</span
                >
              }
              <span class="badge status">{{ key('tickets.status', ticket.status) | t }}</span>
              <span class="badge" [class]="'sla-' + ticket.slaState">{{
                key('tickets.sla', ticket.slaState) | t
              }}</span>
              <span class="assignee" data-test="row-holder">{{ holder(ticket) }}</span>
            </span>
            <span class="due" data-test="due">
              @if (dueOf(ticket); as due) {
                <span class="countdown" [class.over]="overdue(ticket)">{{
                  countdown(ticket)
                }}</span>
                <span class="muted">{{ due.label | t }} {{ due.at | zoned: timeZone() }}</span>
              } @else {
                <span class="muted">{{ 'tickets.noDue' | t }}</span>
              }
            </span>
          </a>
        </div>
      </cdk-virtual-scroll-viewport>
      @if (nextCursor()) {
        <button
          mat-stroked-button
          type="button"
          (click)="loadMore()"
          [disabled]="loading()"
          data-test="load-more"
        >
          {{ 'tickets.loadMore' | t }}
        </button>
      }
      @if (assigning(); as list) {
        <sg-bulk-assign [tickets]="list" (finished)="assigned()" (closed)="closeAssign()" />
      }
    </section>
  `,
  styles: `
    .queue {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .views,
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .views .current {
      background: var(--mat-sys-secondary-container);
      --mat-button-outlined-label-text-color: var(--mat-sys-on-secondary-container);
    }
    .search {
      flex: 1;
      min-width: 200px;
    }
    .keys {
      margin: 0;
      font-size: 12px;
    }
    .viewport {
      height: calc(100dvh - 330px);
      min-height: 300px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .viewport.hidden {
      display: none;
    }
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .row-wrap {
      box-sizing: border-box;
      height: 76px;
      display: flex;
      align-items: center;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row-wrap.checked {
      background: var(--mat-sys-surface-container);
    }
    .row {
      box-sizing: border-box;
      flex: 1;
      min-width: 0;
      height: 75px;
      display: grid;
      grid-template-columns: 150px 1fr 220px;
      grid-template-rows: auto auto;
      column-gap: 12px;
      padding: 8px 12px 8px 0;
      color: inherit;
      text-decoration: none;
      overflow: hidden;
    }
    .row-wrap.selected {
      background: var(--mat-sys-secondary-container);
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    .number {
      font-weight: 600;
    }
    .subject,
    .meta {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .meta,
    .muted {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .state {
      display: flex;
      gap: 4px;
      align-items: center;
      font-size: 12px;
    }
    .due {
      grid-column: 3;
      grid-row: 1 / span 2;
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      justify-content: center;
    }
    .countdown {
      font-weight: 600;
    }
    .countdown.over,
    .sla-breached {
      color: var(--mat-sys-error);
    }
    .sla-at-risk {
      color: #8a5a00;
    }
    .badge {
      padding: 1px 6px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    /* A phone: each ticket is a card of five lines (six with a holder), nothing cut off. */
    @media (max-width: 599.98px) {
      .row-wrap {
        height: 148px;
        align-items: flex-start;
        padding-top: 4px;
      }
      .row {
        height: 142px;
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto auto auto auto;
        row-gap: 2px;
        padding: 4px 8px 4px 0;
      }
      .number {
        grid-column: 1;
        grid-row: 1;
        white-space: nowrap;
      }
      /* The countdown and the due time share the line under the number. */
      .due {
        grid-column: 1;
        grid-row: 2;
        flex-direction: row;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: flex-start;
        column-gap: 8px;
      }
      .due .muted {
        font-size: 11px;
      }
      .due .countdown {
        white-space: nowrap;
      }
      .subject {
        grid-column: 1;
        grid-row: 3;
      }
      .meta {
        grid-column: 1;
        grid-row: 4;
      }
      .state {
        grid-column: 1;
        grid-row: 5;
      }
      .state {
        flex-wrap: wrap;
        row-gap: 2px;
        overflow: hidden;
      }
      /* The holder has a line of its own, cut with an ellipsis rather than below the card. */
      .assignee {
        flex-basis: 100%;
        min-width: 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
    }
  `,
})
export class QueuePage {
  private readonly api = inject(TicketsApi);
  private readonly prefetched = inject(QueuePrefetch);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly workingTime = inject(WorkingTime);
  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('search');
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The control that opened the assign dialog and the ticket focused then. */
  private returnFocus: { element: HTMLElement | null; number: string | null } | null = null;

  protected readonly views = QUEUE_VIEWS;
  /** A phone shows each ticket as a taller card (the virtual scroll needs the height). */
  protected readonly rowHeight =
    typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches
      ? PHONE_ROW_HEIGHT
      : ROW_HEIGHT;
  /** Executors (who do not triage) open on the steps they hold. */
  protected readonly view = signal<QueueView>(
    this.auth.hasRole('executor') && !this.auth.hasRole('agent') && !this.auth.isAdmin()
      ? 'mine'
      : DEFAULT_QUEUE_VIEW,
  );
  protected readonly service = signal('');
  protected readonly opd = signal('');
  protected readonly kinds = TICKET_KINDS;
  protected readonly priorities = INCIDENT_PRIORITIES;
  protected readonly kind = signal<TicketKind | ''>('');
  protected readonly priority = signal<IncidentPriority | ''>('');
  protected readonly q = signal('');

  protected readonly items = signal<TicketSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly selected = signal(0);
  /** Ticket numbers ticked for a bulk action. */
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly checkedCount = computed(() => this.checked().size);
  protected readonly allChecked = computed(() => {
    const items = this.items();
    const checked = this.checked();
    return items.length > 0 && items.every((t) => checked.has(t.number));
  });
  /** The tickets in the assign dialog (a snapshot: the list may reload behind it). */
  protected readonly assigning = signal<TicketSummary[] | null>(null);
  /** Ticks every 30 s so the countdowns move without a reload. */
  protected readonly now = signal(Date.now());
  /** The office calendar as loaded (compiled, but its working time not worked out yet). */
  private readonly loadedCalendar = signal<WorkCalendar | null>(null);
  /** Set when the browser is idle after showing the first page (or its failure). */
  private readonly firstPageShown = signal(false);
  private firstPageScheduled = false;
  /**
   * The office calendar: the countdowns tick in its working time once it is known and the first
   * page is on screen. Working out a calendar's first working minutes takes tens of
   * milliseconds, secondary to showing the rows, so it waits until then (calendar time before).
   */
  protected readonly calendar = computed(() =>
    this.firstPageShown() ? this.loadedCalendar() : null,
  );

  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());
  protected readonly canOpenIncident = computed(
    () => this.auth.isAdmin() || this.auth.hasRole('agent'),
  );
  /** The user's office; for an admin, the one chosen on any per-office page. */
  protected readonly office = computed(
    () => this.chosenOffice.code() || (this.offices()[0]?.code ?? null),
  );
  protected readonly timeZone = computed(
    () => this.offices().find((o) => o.code === this.office())?.timeZone ?? 'Asia/Jakarta',
  );
  protected readonly services = signal<ServiceSummary[]>([]);
  protected readonly opds = signal<OpdView[]>([]);
  private pageRequest: Subscription | null = null;

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), TICK_MS);
    // Changes by anyone, on any API instance, to the office's tickets refresh the rows shown.
    const liveEvents = inject(LiveEvents);
    const reload = liveEvents.needsReload();
    const live = liveEvents.messages
      .pipe(
        filter((m) =>
          m.type === 'ready'
            ? reload(m)
            : m.event.kind !== 'presence' && (!this.office() || m.event.office === this.office()),
        ),
        debounceTime(QUEUE_LIVE_DEBOUNCE_MS),
      )
      .subscribe(() => this.refresh());
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      clearTimeout(this.refreshLater);
      live.unsubscribe();
      this.pageRequest?.unsubscribe();
    });

    effect((onCleanup) => {
      const office = this.office();
      if (!office) return;
      const a = this.catalog
        .services(office)
        .pipe(catchError(() => of([] as ServiceSummary[])))
        .subscribe((list) => this.services.set(list));
      const b = this.api
        .opds(office)
        .pipe(catchError(() => of([] as OpdView[])))
        .subscribe((list) => this.opds.set(list));
      const c = this.workingTime
        .calendar(office)
        .subscribe((calendar) => this.loadedCalendar.set(calendar));
      onCleanup(() => {
        a.unsubscribe();
        b.unsubscribe();
        c.unsubscribe();
      });
    });

    // A new view or filter starts the list again from its first page.
    effect(() => {
      const office = this.office();
      const query: TicketQuery = {
        ...viewQuery(this.view(), this.auth.user()?.id ?? null),
        office: office ?? undefined,
        service: this.service() || undefined,
        opd: this.opd() || undefined,
        kind: this.kind() || undefined,
        priority: this.priority() || undefined,
        q: this.q() || undefined,
      };
      untracked(() => this.load(query, true));
    });
  }

  private lastQuery: TicketQuery = {};

  private load(query: TicketQuery, reset: boolean): void {
    this.pageRequest?.unsubscribe();
    if (reset) {
      this.lastQuery = query;
      this.items.set([]);
      this.nextCursor.set(null);
      this.selected.set(0);
      this.checked.set(new Set());
    }
    this.loading.set(true);
    const pageQuery = {
      ...this.lastQuery,
      limit: PAGE_SIZE,
      cursor: reset ? undefined : (this.nextCursor() ?? undefined),
    };
    // The first page may already be on its way (asked while this page's code was loading).
    this.pageRequest = (this.prefetched.take(pageQuery) ?? this.api.list(pageQuery)).subscribe({
      next: (page) => {
        this.items.update((list) => [...list, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        // The viewport may already sit at the end of what arrived: no scroll event will come.
        afterNextRender(() => this.loadIfNearEnd(), { injector: this.injector });
        this.afterFirstPage();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.show(error);
        this.afterFirstPage();
      },
    });
  }

  private refreshLater: ReturnType<typeof setTimeout> | undefined;

  /**
   * Reads the rows shown again (as many as are loaded, up to the API's page limit), keeping the
   * selected row, the ticks and the scroll: new tickets appear, changed ones move or update, and
   * tickets that left the view go. A page still loading is waited for.
   */
  private refresh(): void {
    clearTimeout(this.refreshLater);
    if (this.loading()) {
      this.refreshLater = setTimeout(() => this.refresh(), QUEUE_LIVE_DEBOUNCE_MS);
      return;
    }
    const selectedNumber = this.items()[this.selected()]?.number ?? null;
    const limit = Math.min(Math.max(this.items().length, PAGE_SIZE), REFRESH_MAX);
    this.pageRequest = this.api.list({ ...this.lastQuery, limit }).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
        const at = page.items.findIndex((t) => t.number === selectedNumber);
        this.selected.set(
          at >= 0 ? at : Math.min(this.selected(), Math.max(page.items.length - 1, 0)),
        );
        const present = new Set(page.items.map((t) => t.number));
        this.checked.update((set) => new Set([...set].filter((n) => present.has(n))));
      },
      // A failed refresh leaves the rows as they were; the next change tries again.
      error: () => undefined,
    });
  }

  /**
   * Once the first page has been rendered, waits for the browser to be idle (at most half a
   * second) and lets the secondary work in: the working-time countdowns.
   */
  private afterFirstPage(): void {
    if (this.firstPageScheduled) return;
    this.firstPageScheduled = true;
    const done = this.pendingTasks.add();
    // A page left before then does not keep the application busy.
    this.destroyRef.onDestroy(done);
    afterNextRender(
      () => {
        const show = () => {
          this.firstPageShown.set(true);
          done();
        };
        if (typeof requestIdleCallback === 'function') requestIdleCallback(show, { timeout: 500 });
        else setTimeout(show, 50);
      },
      { injector: this.injector },
    );
  }

  protected loadMore(): void {
    if (this.loading() || !this.nextCursor()) return;
    this.load(this.lastQuery, false);
  }

  /** Called by the virtual scroll: fetch the next page before the user reaches the end. */
  protected scrolled(firstVisible: number): void {
    if (firstVisible + this.visibleRows() + PREFETCH_ROWS >= this.items().length) this.loadMore();
  }

  /**
   * Rows the viewport shows at once (a tall screen shows more than the prefetch margin), from
   * the size the virtual scroll measured: reading the element's height here would force a
   * layout in the middle of rendering.
   */
  private visibleRows(): number {
    const size = this.viewport()?.getViewportSize() ?? 0;
    return Math.ceil(size / this.rowHeight);
  }

  /** Loads the next page when the last loaded row is in, or close to, the viewport. */
  private loadIfNearEnd(): void {
    const viewport = this.viewport();
    if (!viewport) return;
    // Measured once the list shows (the viewport is hidden while the list is empty).
    if (viewport.getViewportSize() === 0) viewport.checkViewportSize();
    if (!this.nextCursor() || this.loading()) return;
    this.scrolled(Math.floor(viewport.measureScrollOffset() / this.rowHeight));
  }

  protected toggle(number: string): void {
    this.checked.update((set) => {
      const next = new Set(set);
      if (!next.delete(number)) next.add(number);
      return next;
    });
  }

  protected checkAll(on: boolean): void {
    this.checked.set(on ? new Set(this.items().map((t) => t.number)) : new Set());
  }

  protected assignChecked(): void {
    const checked = this.checked();
    const tickets = this.items().filter((t) => checked.has(t.number));
    if (tickets.length) this.openAssign(tickets);
  }

  /** Opens the assign dialog, remembering the control that opened it to return focus there. */
  private openAssign(tickets: TicketSummary[]): void {
    const active = document.activeElement;
    this.returnFocus = {
      element: active instanceof HTMLElement && active !== document.body ? active : null,
      number: this.items()[this.selected()]?.number ?? null,
    };
    this.assigning.set(tickets);
  }

  /** Every assignment was answered: the queue shows the tickets' new state. */
  protected assigned(): void {
    this.load(this.lastQuery, true);
  }

  protected closeAssign(): void {
    this.assigning.set(null);
    afterNextRender(() => this.restoreFocus(), { injector: this.injector });
  }

  /**
   * Focus goes back to the control that opened the dialog; when that one is gone or disabled
   * (the list reloaded after an assignment, nothing is ticked), to the row of the ticket that
   * was focused (else the first row), else the search field.
   */
  private restoreFocus(): void {
    const back = this.returnFocus;
    this.returnFocus = null;
    const trigger = back?.element;
    if (trigger?.isConnected && !trigger.matches(':disabled')) {
      trigger.focus();
      return;
    }
    const found = this.items().findIndex((t) => t.number === back?.number);
    if (found >= 0) this.select(found);
    const number = this.items()[this.selected()]?.number;
    afterNextRender(
      () => {
        const rows = this.host.nativeElement.querySelectorAll<HTMLElement>(
          '[data-test="ticket-row"]',
        );
        const row = Array.from(rows).find(
          (r) => r.querySelector('.number')?.textContent?.trim() === number,
        );
        (row?.querySelector<HTMLElement>('a.row') ?? this.searchInput()?.nativeElement)?.focus();
      },
      { injector: this.injector },
    );
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected viewLabel(view: QueueView): MessageKey {
    return `tickets.view.${view}` as MessageKey;
  }

  protected readonly byNumber = (_: number, ticket: TicketSummary) => ticket.number;

  protected serviceName(code: string | null): string {
    if (!code) return this.i18n.t('triage.noService');
    return this.services().find((s) => s.code === code)?.name ?? code;
  }

  protected opdName(id: string | null): string {
    if (!id) return this.i18n.t('app.dash');
    return this.opds().find((o) => o.id === id)?.name ?? id;
  }

  /**
   * Where a search matched when the row does not show it (a message, a note, the requester, an
   * attachment's name), as words; null outside a search or when the subject or number matched.
   */
  protected matchedElsewhere(ticket: TicketSummary): string | null {
    const where = ticket.matchedIn;
    if (!this.q() || !where?.length || where.includes('number')) return null;
    // A match in the description shows only when the subject itself has no marked word.
    const subjectShows = highlightParts(ticket.subject, this.q()).some((p) => p.hit);
    const hidden = where.filter((s) => s !== 'ticket' || !subjectShows);
    if (!hidden.length) return null;
    return hidden.map((s) => this.i18n.t(`search.source.${s}` as MessageKey)).join(', ');
  }

  /** Who holds the row's work: the current step's holder, else the ticket's agent. */
  protected holder(ticket: TicketSummary): string {
    const me = this.auth.user()?.id;
    const held = ticket.currentStep?.assignee;
    if (held) {
      return held.id === me
        ? this.i18n.t('staff.queue.heldByYou')
        : this.i18n.t('staff.queue.heldBy', { name: held.name });
    }
    if (ticket.assigneeId === me) return this.i18n.t('staff.queue.heldByYou');
    return this.i18n.t(ticket.assigneeId ? 'tickets.assigned' : 'tickets.unassigned');
  }

  /**
   * The instant the countdown runs to, the same one the workspace's ticket clock counts to: the
   * target of the standard's time when there is one, else the limit.
   */
  protected dueOf(ticket: TicketSummary): { at: string; label: MessageKey } | null {
    if (ticket.targetDueAt) return { at: ticket.targetDueAt, label: 'tickets.ws.target' };
    if (ticket.dueAt) return { at: ticket.dueAt, label: 'tickets.ws.limit' };
    return null;
  }

  /** Unit of the service's standard time ("7 Hari" counts in working days). */
  private unitOf(ticket: TicketSummary): StandardUnit | null {
    const parsed = this.services().find((s) => s.code === ticket.service)?.serviceTime.parsed;
    return parsed ? { unit: parsed.unit, basis: parsed.basis } : null;
  }

  private remaining(ticket: TicketSummary): { text: string; past: boolean } | null {
    const due = this.dueOf(ticket);
    if (!due) return null;
    const at = Date.parse(due.at);
    if (Number.isNaN(at)) return null;
    // Working time once the calendar is known and the clock counts; calendar time before, and
    // always for a ticket supported round the clock.
    const calendar =
      isCounting(ticket.slaState) && ticket.supportHours !== '24x7' ? this.calendar() : null;
    return spellRemaining(this.now(), at, calendar, this.unitOf(ticket), {
      workingDays: this.i18n.t('staff.sla.workingDays'),
      days: this.i18n.t('staff.sla.days'),
      hours: this.i18n.t('staff.sla.hours'),
      minutes: this.i18n.t('staff.sla.minutes'),
    });
  }

  protected overdue(ticket: TicketSummary): boolean {
    return this.remaining(ticket)?.past ?? false;
  }

  protected countdown(ticket: TicketSummary): string {
    if (ticket.slaState === 'paused') return this.i18n.t('tickets.sla.paused');
    // A stopped clock has nothing left to count: the row says how it ended.
    if (ticket.slaState === 'met' || ticket.slaState === 'met-late')
      return this.i18n.t(`tickets.sla.${ticket.slaState}`);
    const left = this.remaining(ticket);
    if (!left) return this.i18n.t('tickets.noDue');
    return this.i18n.t(left.past ? 'tickets.overdue' : 'tickets.dueIn', { time: left.text });
  }

  /**
   * j / k move, Enter opens, / focuses the search, x ticks the focused ticket, a assigns it;
   * typing in a field is left alone.
   */
  protected onKey(event: KeyboardEvent): void {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const typing =
      !!target &&
      ((target instanceof HTMLInputElement && target.type !== 'checkbox') ||
        target.tagName === 'TEXTAREA' ||
        target.isContentEditable);
    if (typing || event.ctrlKey || event.metaKey || event.altKey || this.assigning()) return;
    const count = this.items().length;
    const focused = this.items()[this.selected()];
    if (event.key === '/') {
      event.preventDefault();
      this.searchInput()?.nativeElement.focus();
    } else if (event.key === 'x' && focused) {
      this.toggle(focused.number);
    } else if (event.key === 'a' && focused) {
      event.preventDefault();
      this.openAssign([focused]);
    } else if (event.key === 'j' && count) {
      this.select(Math.min(this.selected() + 1, count - 1));
    } else if (event.key === 'k' && count) {
      this.select(Math.max(this.selected() - 1, 0));
    } else if (
      event.key === 'Enter' &&
      count &&
      !target?.closest('a, button, [role="combobox"], [role="option"]')
    ) {
      const ticket = this.items()[this.selected()];
      if (ticket) void this.router.navigate(['/tiket', ticket.number]);
    }
  }

  private select(index: number): void {
    this.selected.set(index);
    const viewport = this.viewport();
    if (!viewport) return;
    const first = Math.floor(viewport.measureScrollOffset() / this.rowHeight);
    const visible = Math.max(1, Math.floor(viewport.getViewportSize() / this.rowHeight));
    if (index < first || index >= first + visible) viewport.scrollToIndex(index);
    if (index + PREFETCH_ROWS >= this.items().length) this.loadMore();
  }
}
