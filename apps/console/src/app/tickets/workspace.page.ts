import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NgTemplateOutlet } from '@angular/common';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  type ClockView,
  type PositionView,
  type ServiceDetail,
  type StepCandidateView,
  type StepView,
  type TicketDetail,
  type TimelineEntryView,
} from '@sigap/contracts';
import { PositionsApi } from '../admin/positions.api';
import { catchError, debounceTime, filter, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { LiveEvents } from '../shared/live-events';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe, zoneAbbreviation } from '../shared/zoned-date';
import type { WorkCalendar } from '@sigap/sla';
import { REFRESH_MS, TICK_MS, liveClock, liveRemaining, shareUsed } from './countdown';
import { addWorkingMinutes } from '@sigap/sla';
import { foldQuoted } from './mail-html';
import { foldQuotedText } from './mail-text';
import { TicketFilesComponent } from './ticket-files.component';
import { TicketPresenceComponent } from './ticket-presence.component';
import { TicketRelationsComponent } from './ticket-relations.component';
import { spellMinutes, spellRemaining, type StandardUnit } from './remaining-text';
import { ChangePanelComponent } from '../changes/change-panel.component';
import { IncidentPanelComponent } from '../it-services/incident-panel.component';
import { ChooseServiceComponent } from './choose-service.component';
import { TicketsApi, type TicketActionPath } from './tickets.api';
import { ReplyComposerComponent, type ComposedMessage } from './reply-composer.component';
import { describeEvent } from './timeline-text';
import { WorkingTime } from './working-time';

/** The state changes offered as buttons, and whether each needs a reason. */
export const ACTIONS: readonly { action: string; reason: 'required' | 'optional' | 'none' }[] = [
  { action: 'return-to-requester', reason: 'required' },
  { action: 'requester-answered', reason: 'optional' },
  { action: 'resolve', reason: 'optional' },
  { action: 'close', reason: 'none' },
  { action: 'reopen', reason: 'required' },
  { action: 'cancel', reason: 'required' },
];

/** A burst of live changes to the ticket is read once, this long after the last. */
export const LIVE_DEBOUNCE_MS = 300;

/** Where the chosen order of the timeline is remembered. */
export const TIMELINE_ORDER_KEY = 'sigap.timelineOrder';
export type TimelineOrder = 'oldest' | 'newest';

function readOrder(): TimelineOrder {
  try {
    return localStorage.getItem(TIMELINE_ORDER_KEY) === 'newest' ? 'newest' : 'oldest';
  } catch {
    return 'oldest';
  }
}

/** `/tiket/:number`: the ticket with its clocks, checklist, steps, timeline and actions. */
@Component({
  selector: 'sg-workspace-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IncidentPanelComponent,
    ChangePanelComponent,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReplyComposerComponent,
    TicketFilesComponent,
    TicketPresenceComponent,
    TicketRelationsComponent,
    ChooseServiceComponent,
    TranslatePipe,
    ZonedDatePipe,
  ],
  templateUrl: './workspace.page.html',
  styleUrl: './workspace.page.scss',
})
export class WorkspacePage {
  private readonly api = inject(TicketsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly positions = inject(PositionsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  private readonly workingTime = inject(WorkingTime);

  protected readonly number = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('number') ?? '')),
    { initialValue: '' },
  );
  protected readonly ticket = signal<TicketDetail | null>(null);
  protected readonly timeline = signal<TimelineEntryView[]>([]);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  /** Reasons typed beside checklist items, by item code. */
  protected readonly itemReasons = signal<Partial<Record<string, string>>>({});
  /** Output texts typed beside active steps, by step order. */
  protected readonly outputs = signal<Partial<Record<number, string>>>({});
  protected readonly actionReason = signal('');
  /** The API's limits of the texts typed here, shown as counters. */
  protected readonly limit = FIELD_LIMITS.ticket;
  protected readonly count = lengthCount;

  private readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly officeName = computed(() => {
    const code = this.ticket()?.office ?? '';
    return this.offices().find((o) => o.code === code)?.name ?? code;
  });
  /** The ticket's service standard (for its name, position names and the unit of its time). */
  protected readonly service = signal<ServiceDetail | null>(null);
  protected readonly serviceName = computed(() => {
    const t = this.ticket();
    if (!t?.service) return null;
    const detail = this.service();
    return detail?.standard.code === t.service ? detail.standard.name : t.service;
  });
  protected readonly timelineOrder = signal<TimelineOrder>(readOrder());
  protected readonly orderedTimeline = computed(() =>
    this.timelineOrder() === 'newest' ? [...this.timeline()].reverse() : this.timeline(),
  );
  /** Quoted parts of e-mails the agent unfolded, by timeline entry id. */
  protected readonly unfolded = signal<ReadonlySet<number>>(new Set());
  protected readonly timeZone = computed(
    () => this.offices().find((o) => o.code === this.ticket()?.office)?.timeZone ?? 'Asia/Jakarta',
  );
  protected readonly zone = computed(() => zoneAbbreviation(this.timeZone()));
  /** When the clock figures shown were computed by the API, and the ticking now. */
  private readonly fetchedAt = signal(Date.now());
  protected readonly now = signal(Date.now());
  /** The office calendar as loaded. */
  private readonly officeCalendar = signal<WorkCalendar | null>(null);
  /**
   * The office calendar: between two fetches the clocks move on in its working time. None for a
   * ticket supported round the clock (an incident on a 24x7 service): its clocks count every
   * minute.
   */
  protected readonly calendar = computed(() =>
    this.ticket()?.supportHours === '24x7' ? null : this.officeCalendar(),
  );
  private readonly ticketOffice = computed(() => this.ticket()?.office ?? null);
  /**
   * Names of the office's positions, for the steps of a ticket run under no published service
   * (an incident's owner, a change's approvals); a service's steps name them from the service.
   */
  private readonly officePositions = signal<Record<string, string>>({});
  private readonly positionsOffice = computed(() => {
    const t = this.ticket();
    return t && !t.service && t.steps.length ? t.office : null;
  });
  private readonly serviceKey = computed(
    () => {
      const t = this.ticket();
      return t?.service ? ([t.office, t.service] as const) : null;
    },
    { equal: (a, b) => a?.[0] === b?.[0] && a?.[1] === b?.[1] },
  );
  protected readonly activeStep = computed(
    () => this.ticket()?.steps.find((s) => s.status === 'active') ?? null,
  );
  protected readonly actions = computed(() => {
    const allowed = this.ticket()?.allowedActions ?? [];
    return ACTIONS.filter((a) => allowed.includes(a.action));
  });

  constructor() {
    effect(() => {
      const number = this.number();
      if (number) untracked(() => this.load(number, true));
    });
    // Fresh clock figures every minute (the remaining working time depends on the calendar).
    const timer = setInterval(() => {
      const number = this.number();
      if (number && !this.busy()) this.load(number, false);
    }, REFRESH_MS);
    const tick = setInterval(() => this.now.set(Date.now()), TICK_MS);
    // A change by anyone, on any instance, shows within the feed's delay: the ticket and its
    // timeline are read again (once for a burst); after a broken stream, in case one was missed.
    const liveEvents = inject(LiveEvents);
    const reload = liveEvents.needsReload();
    const live = liveEvents.messages
      .pipe(
        filter((m) =>
          m.type === 'ready'
            ? reload(m)
            : m.event.kind !== 'presence' &&
              m.event.ticket === this.number() &&
              (m.event.version === null || m.event.version !== this.ticket()?.version),
        ),
        debounceTime(LIVE_DEBOUNCE_MS),
      )
      .subscribe(() => {
        const number = this.number();
        if (number) this.load(number, true);
      });
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      clearInterval(tick);
      live.unsubscribe();
    });
    effect((onCleanup) => {
      // Keyed on office and service: the minute's refresh of the ticket asks nothing again.
      const key = this.serviceKey();
      if (!key) return;
      const [office, code] = key;
      const subscription = this.catalog
        .service(office, code)
        .pipe(catchError(() => of(null)))
        .subscribe((detail) => this.service.set(detail));
      onCleanup(() => subscription.unsubscribe());
    });
    effect((onCleanup) => {
      const office = this.positionsOffice();
      if (!office) return;
      const subscription = this.positions
        .list(office)
        .pipe(catchError(() => of([] as PositionView[])))
        .subscribe((list) =>
          this.officePositions.set(Object.fromEntries(list.map((p) => [p.code, p.name]))),
        );
      onCleanup(() => subscription.unsubscribe());
    });
    effect((onCleanup) => {
      const office = this.ticketOffice();
      if (!office) return;
      const subscription = this.workingTime
        .calendar(office)
        .subscribe((calendar) => this.officeCalendar.set(calendar));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  private load(number: string, withTimeline: boolean): void {
    this.api.get(number).subscribe({
      next: (ticket) => {
        const at = Date.now();
        this.fetchedAt.set(at);
        this.now.set(at);
        this.ticket.set(ticket);
        this.failed.set(false);
      },
      error: (error: unknown) => {
        this.failed.set(true);
        this.notifier.show(error);
      },
    });
    if (withTimeline) {
      this.api.timeline(number).subscribe({
        next: (entries) => this.timeline.set(entries),
        error: (error: unknown) => this.notifier.show(error),
      });
    }
  }

  protected reload(): void {
    this.load(this.number(), true);
  }

  /** Sends an action with the version shown; a 409 means someone else changed the ticket. */
  protected act(path: TicketActionPath, body: Record<string, unknown> = {}, after?: () => void) {
    const ticket = this.ticket();
    if (!ticket || this.busy()) return;
    this.busy.set(true);
    this.api.act(ticket.number, path, ticket.version, body).subscribe({
      next: () => {
        this.busy.set(false);
        after?.();
        this.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.snackBar.open(this.i18n.t('tickets.stale'), this.i18n.t('app.close'), {
            duration: 8000,
            panelClass: 'sg-snack-error',
          });
          this.reload();
        } else {
          this.notifier.show(error);
        }
      },
    });
  }

  protected checklist(code: string, verb: 'receive' | 'verify' | 'reject'): void {
    const path = `checklist/${encodeURIComponent(code)}/${verb}` as TicketActionPath;
    if (verb !== 'reject') return this.act(path);
    const reason = (this.itemReasons()[code] ?? '').trim();
    if (!reason) return this.warn();
    this.act(path, { reason }, () => this.itemReasons.update((r) => ({ ...r, [code]: '' })));
  }

  /** The step whose assignee is being changed, its candidates (null while loading), the pick. */
  protected readonly picker = signal<{
    order: number;
    candidates: StepCandidateView[] | null;
    chosen: string;
  } | null>(null);

  protected openPicker(order: number): void {
    const ticket = this.ticket();
    if (!ticket) return;
    this.picker.set({ order, candidates: null, chosen: '' });
    this.api.candidates(ticket.number, order).subscribe({
      next: (candidates) =>
        this.picker.update((p) =>
          p?.order === order
            ? { order, candidates, chosen: candidates.find((c) => !c.current)?.id ?? '' }
            : p,
        ),
      error: (error: unknown) => {
        this.picker.set(null);
        this.notifier.show(error);
      },
    });
  }

  protected chooseCandidate(id: string): void {
    this.picker.update((p) => (p ? { ...p, chosen: id } : p));
  }

  protected assignStep(): void {
    const p = this.picker();
    if (!p?.chosen) return;
    this.act(`steps/${p.order}/assign`, { userId: p.chosen }, () => this.picker.set(null));
  }

  protected completeStep(order: number): void {
    const output = (this.outputs()[order] ?? '').trim();
    this.act(`steps/${order}/complete`, output ? { output } : {}, () =>
      this.outputs.update((o) => ({ ...o, [order]: '' })),
    );
  }

  protected runAction(action: string, reasonRule: 'required' | 'optional' | 'none'): void {
    const reason = this.actionReason().trim();
    if (reasonRule === 'required' && !reason) return this.warn();
    const body = reasonRule !== 'none' && reason ? { reason } : {};
    this.act(action as TicketActionPath, body, () => this.actionReason.set(''));
  }

  private readonly composer = viewChild(ReplyComposerComponent);
  /** Whether the user is writing a reply or a note (shown to colleagues on the ticket). */
  protected readonly drafting = computed(() => this.composer()?.drafting() ?? false);

  /** Saves a note, or sends a reply with the attachments uploaded for it. */
  protected send(message: ComposedMessage): void {
    const body =
      message.kind === 'reply' && message.attachmentIds.length
        ? { body: message.body, attachmentIds: message.attachmentIds }
        : { body: message.body };
    this.act(message.kind === 'note' ? 'notes' : 'replies', body, () => this.composer()?.reset());
  }

  /** Files sent with a reply (kept in the timeline entry's data). */
  protected attachmentCount(entry: TimelineEntryView): number {
    const ids = entry.data?.['attachmentIds'];
    return Array.isArray(ids) ? ids.length : 0;
  }

  protected setItemReason(code: string, value: string): void {
    this.itemReasons.update((r) => ({ ...r, [code]: value }));
  }

  protected setOutput(order: number, value: string): void {
    this.outputs.update((o) => ({ ...o, [order]: value }));
  }

  private warn(): void {
    this.snackBar.open(this.i18n.t('tickets.ws.reasonRequired'), this.i18n.t('app.close'), {
      duration: 5000,
    });
  }

  /** A system event of the timeline as a sentence in the console's language. */
  /** The inbound message of a third party's mail still held on the ticket, else null. */
  protected heldMail(entry: TimelineEntryView): string | null {
    if (entry.event !== 'mail.third-party' || entry.data?.['decision']) return null;
    const id = entry.data?.['inboundId'];
    return typeof id === 'string' ? id : null;
  }

  /** Only the office's agents (and admins) decide; the API checks it again. */
  protected readonly canDecideMail = computed(
    () => this.auth.hasRole('agent') || this.auth.hasRole('admin'),
  );

  protected decideMail(id: string, decision: 'accept' | 'dismiss'): void {
    const ticket = this.ticket();
    if (!ticket || this.busy()) return;
    this.busy.set(true);
    this.api.decideThirdPartyMail(ticket.number, id, decision).subscribe({
      next: () => {
        this.busy.set(false);
        const key =
          decision === 'accept'
            ? 'tickets.ws.thirdParty.accepted'
            : 'tickets.ws.thirdParty.dismissed';
        this.snackBar.open(this.i18n.t(key), undefined, { duration: 3000 });
        this.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.show(error);
        this.reload();
      },
    });
  }

  protected eventText(entry: TimelineEntryView): string {
    this.i18n.locale();
    const ticket = this.ticket();
    const name = this.serviceName();
    // The service by its name when it is the ticket's own (the standard is loaded for it).
    return describeEvent(
      entry,
      ticket,
      (key, params) => this.i18n.t(key, params),
      (code) => (code === ticket?.service && name ? name : code),
    );
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  /** Unit of a standard's time text ("7 Hari" counts in working days). */
  private unitOf(order: number | null): StandardUnit | null {
    const parsed = this.service()?.parsed;
    const d =
      order === null ? parsed?.serviceTime : parsed?.steps.find((x) => x.order === order)?.time;
    return d ? { unit: d.unit, basis: d.basis } : null;
  }

  /**
   * Time left to the clock's target (the API's working figure, moved on in working time), in the
   * unit of the standard: "sisa 3 hari kerja 2 jam" for a standard in days. The queue counts to
   * the same instant.
   */
  protected remaining(clock: ClockView | null, order: number | null = null): string {
    const minutes = liveRemaining(clock, this.fetchedAt(), this.now(), this.calendar());
    if (minutes === null) return this.i18n.t('app.dash');
    const words = {
      workingDays: this.i18n.t('staff.sla.workingDays'),
      days: this.i18n.t('staff.sla.days'),
      hours: this.i18n.t('staff.sla.hours'),
      minutes: this.i18n.t('staff.sla.minutes'),
    };
    const calendar = this.calendar();
    const now = this.now();
    // Days are whole working days of the calendar: spelled from the instant the figure reaches.
    const left =
      calendar && minutes > 0
        ? spellRemaining(
            now,
            addWorkingMinutes(calendar, now, minutes),
            calendar,
            this.unitOf(order),
            words,
          )
        : spellMinutes(minutes, words);
    return this.i18n.t(left.past ? 'tickets.overdue' : 'tickets.dueIn', { time: left.text });
  }

  protected positionName(code: string): string {
    return this.service()?.positionNames[code] ?? this.officePositions()[code] ?? code;
  }

  /** The holder's name when the signed-in user completes a step someone else holds. */
  /** Who takes part besides the owner: other positions, then outside parties; null if none. */
  protected takesPart(step: StepView): string | null {
    const others = [
      ...step.executors.filter((e) => e !== step.position).map((e) => this.positionName(e)),
      ...step.participants,
    ];
    return others.length ? others.join(', ') : null;
  }

  protected behalfOf(step: StepView): string | null {
    const holder = step.assignee;
    return holder && holder.id !== this.auth.user()?.id ? holder.name : null;
  }

  /** The only candidate is the step's current holder: nobody else to hand it to. */
  protected onlyCurrent(list: readonly StepCandidateView[]): StepCandidateView | null {
    return list.length > 0 && list.every((c) => c.current) ? list[0] : null;
  }

  protected setOrder(order: TimelineOrder): void {
    this.timelineOrder.set(order);
    try {
      localStorage.setItem(TIMELINE_ORDER_KEY, order);
    } catch {
      // Storage can be disabled: the order then lasts as long as the page.
    }
  }

  /** The sanitised HTML of a received e-mail, its quoted part folded unless unfolded. */
  protected mailHtml(entry: TimelineEntryView): { html: string; quoted: boolean } | null {
    const html = entry.data?.['bodyHtml'];
    if (typeof html !== 'string' || !html.trim()) return null;
    const folded = foldQuoted(html);
    if (!folded.quoted) return { html, quoted: false };
    return { html: this.unfolded().has(entry.id) ? html : folded.html, quoted: true };
  }

  /**
   * A plain-text e-mail (no HTML part): what the sender wrote, with the quoted history (kept by
   * the API as `fullText`, or still in an older entry's body) folded unless unfolded.
   */
  protected mailText(entry: TimelineEntryView): { text: string; quoted: boolean } | null {
    if (entry.event !== 'mail.received' || typeof entry.data?.['bodyHtml'] === 'string')
      return null;
    const full = entry.data?.['fullText'];
    const source = typeof full === 'string' && full.trim() ? full : entry.body;
    if (!source?.trim()) return null;
    const mail = foldQuotedText(source);
    if (!mail.quoted) return { text: mail.own, quoted: false };
    return { text: this.unfolded().has(entry.id) ? mail.whole : mail.own, quoted: true };
  }

  protected toggleQuoted(id: number): void {
    this.unfolded.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /**
   * How long a stopped clock ran, from its start to its stop in plain time (what the requester
   * waited); null while it runs.
   */
  protected taken(clock: ClockView | null): string | null {
    if (!clock?.startedAt || !clock.stoppedAt) return null;
    const minutes = Math.max(
      0,
      Math.round((Date.parse(clock.stoppedAt) - Date.parse(clock.startedAt)) / 60_000),
    );
    const text = spellMinutes(minutes, {
      workingDays: this.i18n.t('staff.sla.workingDays'),
      days: this.i18n.t('staff.sla.days'),
      hours: this.i18n.t('staff.sla.hours'),
      minutes: this.i18n.t('staff.sla.minutes'),
    }).text;
    return minutes ? text : this.i18n.t('tickets.ws.underMinute');
  }

  /** What an entry is: what the requester sent in is theirs, not a reply to them. */
  protected entryLabel(entry: TimelineEntryView): string {
    if (entry.event === 'mail.received') return this.i18n.t('tickets.ws.requesterMail');
    if (entry.event === 'portal.received') return this.i18n.t('tickets.ws.requesterPortal');
    if (entry.event === 'lapor.reply') return this.i18n.t('tickets.ws.reporterLapor');
    return this.i18n.t(this.key('tickets.ws', entry.kind));
  }

  /** Who wrote it: staff by name, the requester's mail or answer by its address, else the system. */
  protected entryAuthor(entry: TimelineEntryView): string {
    if (entry.author) return entry.author.name;
    const incoming = entry.event === 'mail.received' || entry.event === 'portal.received';
    const from = incoming ? entry.data?.['from'] : null;
    return typeof from === 'string' && from ? from : this.i18n.t('tickets.ws.system');
  }

  protected share(clock: ClockView | null): string {
    const share = shareUsed(liveClock(clock, this.fetchedAt(), this.now(), this.calendar()));
    return share === null
      ? this.i18n.t('app.dash')
      : this.i18n.t('tickets.ws.used', { share: Math.round(share * 100) });
  }
}
