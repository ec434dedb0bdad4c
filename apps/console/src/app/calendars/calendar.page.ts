import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type {
  CalendarClosure,
  CalendarClosureType,
  CalendarLayer,
  CalendarWeekday,
  ClosureInput,
  OfficeCalendarView,
  OfficeSummary,
  WeekSchedule,
  WeekVariant,
  WorkInterval,
} from '@sigap/contracts';
import { FIELD_LIMITS } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import type { MessageKey } from '../i18n/id';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { CalendarsApi, type ClosureTarget } from './calendars.api';

export const WEEKDAYS: readonly CalendarWeekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];
export const CLOSURE_TYPES: readonly CalendarClosureType[] = [
  'libur-nasional',
  'cuti-bersama',
  'libur-daerah',
  'penutupan-kantor',
];

/** An editable copy of the schedule: every weekday present (empty = day off). */
interface ScheduleDraft {
  week: Record<CalendarWeekday, WorkInterval[]>;
  variants: {
    name: string;
    from: string;
    to: string;
    week: Record<CalendarWeekday, WorkInterval[]>;
    /** False: a proposal (e.g. seeded Ramadan hours) that does not apply yet. */
    confirmed: boolean;
    /** Was a proposal when loaded: only an admin may put it into force. */
    proposed: boolean;
    source?: string;
  }[];
}

interface ClosureDraft {
  id: string | null;
  layer: CalendarLayer;
  date: string;
  name: string;
  type: CalendarClosureType;
  source: string;
  from: string;
  to: string;
}

function fullWeek(week: WeekSchedule): Record<CalendarWeekday, WorkInterval[]> {
  const out = {} as Record<CalendarWeekday, WorkInterval[]>;
  for (const day of WEEKDAYS) out[day] = (week[day] ?? []).map((i) => ({ ...i }));
  return out;
}

function compactWeek(week: Record<CalendarWeekday, WorkInterval[]>): WeekSchedule {
  const out: WeekSchedule = {};
  for (const day of WEEKDAYS) if (week[day].length) out[day] = week[day];
  return out;
}

/** `07:30` -> `07.30`, as Indonesian documents write clock times. */
export function clockText(value: string): string {
  return value.replace(':', '.');
}

/**
 * `/kalender/:office`: the office's weekly schedule (with dated variants) and its holidays by
 * year, layered national -> province -> office. Editors change them here; everyone else reads.
 */
@Component({
  selector: 'sg-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './calendar.page.html',
  styleUrl: './calendar.page.scss',
})
export class CalendarPage {
  private readonly api = inject(CalendarsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly weekdays = WEEKDAYS;
  protected readonly closureTypes = CLOSURE_TYPES;
  /** The API's limits of a closure's texts, shown as counters. */
  protected readonly limit = FIELD_LIMITS.holiday;
  protected readonly count = lengthCount;

  private readonly params = toSignal(this.route.paramMap, {
    initialValue: this.route.snapshot.paramMap,
  });
  protected readonly officeCode = computed(
    () => this.params().get('office') ?? this.auth.user()?.office ?? '',
  );
  protected readonly offices = toSignal(
    this.catalog.offices().pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  protected readonly isAdmin = this.auth.isAdmin;

  protected readonly year = signal<number | null>(null);
  protected readonly view = signal<OfficeCalendarView | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly years = computed(() => {
    const shown = this.view()?.year ?? new Date().getFullYear();
    return [shown - 1, shown, shown + 1, shown + 2];
  });

  protected readonly schedule = signal<ScheduleDraft | null>(null);
  protected readonly scheduleErrors = signal<Record<string, string>>({});
  protected readonly closureDraft = signal<ClosureDraft | null>(null);
  protected readonly closureErrors = signal<Record<string, string>>({});

  /** Layers the signed-in user may add to. */
  protected readonly editableLayers = computed<CalendarLayer[]>(() => {
    const view = this.view();
    if (!view) return [];
    const layers: CalendarLayer[] = [];
    if (view.canEdit) layers.push('office');
    if (view.canEditShared) {
      layers.push('national');
      if (view.region) layers.push('province');
    }
    return layers;
  });

  constructor() {
    effect(() => {
      const office = this.officeCode();
      if (!office) {
        // An admin without an office: open the first office.
        const first = this.offices()[0];
        if (first) void this.router.navigate(['/kalender', first.code]);
        return;
      }
      this.load(office, this.year() ?? undefined);
    });
  }

  protected load(office = this.officeCode(), year = this.year() ?? undefined): void {
    this.loading.set(true);
    this.api.calendar(office, year).subscribe({
      next: (view) => {
        this.view.set(view);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.show(error);
      },
    });
  }

  protected chooseOffice(code: string): void {
    this.schedule.set(null);
    this.closureDraft.set(null);
    void this.router.navigate(['/kalender', code]);
  }

  protected chooseYear(year: number): void {
    this.year.set(year);
  }

  protected dayLabel(day: CalendarWeekday): string {
    return this.i18n.t(`calendar.day.${day}` as MessageKey);
  }

  protected layerLabel(layer: CalendarLayer): string {
    return this.i18n.t(`calendar.layer.${layer}` as MessageKey);
  }

  protected typeLabel(type: CalendarClosureType): string {
    return this.i18n.t(`calendar.type.${type}` as MessageKey);
  }

  protected intervalsText(intervals: WorkInterval[] | undefined): string {
    if (!intervals?.length) return this.i18n.t('calendar.schedule.off');
    const abbr = this.view()?.zoneAbbreviation ?? '';
    return `${intervals.map((i) => `${clockText(i.start)}–${clockText(i.end)}`).join(', ')} ${abbr}`;
  }

  /** "Kamis, 19 Mar 2026": the date of a closure with its weekday (dates are local days). */
  protected dateText(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(this.i18n.locale() === 'id' ? 'id-ID' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  }

  protected canChange(closure: CalendarClosure): boolean {
    const view = this.view();
    if (!view) return false;
    return closure.layer === 'office' ? view.canEdit : view.canEditShared;
  }

  // ------------------------------------------------------------ schedule

  protected editSchedule(): void {
    const view = this.view();
    if (!view) return;
    this.scheduleErrors.set({});
    this.schedule.set({
      week: fullWeek(view.week),
      variants: view.variants.map((v) => ({
        ...v,
        week: fullWeek(v.week),
        confirmed: v.confirmed !== false,
        proposed: v.confirmed === false,
      })),
    });
  }

  protected cancelSchedule(): void {
    this.schedule.set(null);
    this.scheduleErrors.set({});
  }

  protected addInterval(week: Record<CalendarWeekday, WorkInterval[]>, day: CalendarWeekday): void {
    const last = week[day][week[day].length - 1];
    week[day].push(last ? { start: last.end, end: last.end } : { start: '07:30', end: '16:00' });
    this.touchSchedule();
  }

  protected removeInterval(
    week: Record<CalendarWeekday, WorkInterval[]>,
    day: CalendarWeekday,
    index: number,
  ): void {
    week[day].splice(index, 1);
    this.touchSchedule();
  }

  protected addVariant(): void {
    const draft = this.schedule();
    if (!draft) return;
    draft.variants.push({
      name: '',
      from: '',
      to: '',
      week: fullWeek(compactWeek(draft.week)),
      confirmed: true,
      proposed: false,
    });
    this.touchSchedule();
  }

  protected removeVariant(index: number): void {
    this.schedule()?.variants.splice(index, 1);
    this.touchSchedule();
  }

  private touchSchedule(): void {
    const draft = this.schedule();
    if (draft) this.schedule.set({ ...draft });
  }

  protected saveSchedule(): void {
    const view = this.view();
    const draft = this.schedule();
    if (!view || !draft) return;
    const variants: WeekVariant[] = draft.variants.map((v) => ({
      name: v.name,
      from: v.from,
      to: v.to,
      week: compactWeek(v.week),
      // A proposal stays one until the editor ticks it in force.
      ...(v.confirmed ? {} : { confirmed: false }),
      ...(v.source ? { source: v.source } : {}),
    }));
    this.busy.set(true);
    this.api
      .updateSchedule(view.office, {
        week: compactWeek(draft.week),
        variants,
        expectedVersion: view.version,
      })
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.view.set(updated);
          this.schedule.set(null);
          this.snackBar.open(this.i18n.t('calendar.schedule.saved'), undefined, { duration: 3000 });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = problemOf(error);
          if (problem?.status === 409) {
            this.snackBar.open(this.i18n.t('calendar.schedule.stale'), this.i18n.t('app.close'));
            this.schedule.set(null);
            this.load();
            return;
          }
          const errors = fieldErrorsOf(problem);
          this.scheduleErrors.set(errors);
          if (!Object.keys(errors).length) this.notifier.show(error);
        },
      });
  }

  // ------------------------------------------------------------ closures

  protected newClosure(): void {
    const view = this.view();
    const layer = this.editableLayers()[0];
    if (!view || !layer) return;
    this.closureErrors.set({});
    this.closureDraft.set({
      id: null,
      layer,
      date: `${view.year}-01-01`,
      name: '',
      type: layer === 'national' ? 'libur-nasional' : 'penutupan-kantor',
      source: '',
      from: '',
      to: '',
    });
  }

  protected editClosure(closure: CalendarClosure): void {
    this.closureErrors.set({});
    this.closureDraft.set({
      id: closure.id,
      layer: closure.layer,
      date: closure.date,
      name: closure.name,
      type: closure.type,
      source: closure.source,
      from: closure.from ?? '',
      to: closure.to ?? '',
    });
  }

  protected cancelClosure(): void {
    this.closureDraft.set(null);
    this.closureErrors.set({});
  }

  protected saveClosure(): void {
    const view = this.view();
    const draft = this.closureDraft();
    if (!view || !draft) return;
    const body: ClosureInput = {
      date: draft.date,
      name: draft.name,
      type: draft.type,
      source: draft.source,
      from: draft.from || null,
      to: draft.to || null,
    };
    const target: ClosureTarget = {
      layer: draft.layer,
      scope:
        draft.layer === 'office' ? view.office : draft.layer === 'province' ? view.region : null,
    };
    const year = Number(draft.date.slice(0, 4)) || view.year;
    const request = draft.id
      ? this.api.updateClosure(draft.id, { ...body, prefilled: false })
      : this.api.createClosure(target, body, year);
    this.busy.set(true);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.closureDraft.set(null);
        this.snackBar.open(this.i18n.t('calendar.closures.saved'), undefined, { duration: 3000 });
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const errors = fieldErrorsOf(problemOf(error));
        this.closureErrors.set(errors);
        if (!Object.keys(errors).length) this.notifier.show(error);
      },
    });
  }

  /** Admin: puts a proposed dated schedule into force, or takes it out again. */
  protected toggleVariant(variant: WeekVariant): void {
    const view = this.view();
    if (!view) return;
    const confirmed = variant.confirmed === false;
    this.busy.set(true);
    this.api.setVariantConfirmed(view.office, variant.from, confirmed).subscribe({
      next: () => {
        this.busy.set(false);
        const done = confirmed
          ? 'calendar.variants.confirmedDone'
          : 'calendar.variants.unconfirmedDone';
        this.snackBar.open(this.i18n.t(done, { name: variant.name }), undefined, {
          duration: 3000,
        });
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.show(error);
      },
    });
  }

  protected toggleConfirmed(closure: CalendarClosure): void {
    const confirmed = !closure.confirmed;
    this.busy.set(true);
    this.api.setConfirmed(closure.id, confirmed).subscribe({
      next: () => {
        this.busy.set(false);
        const done = confirmed
          ? 'calendar.closures.confirmed'
          : 'calendar.closures.unconfirmedDone';
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 3000 });
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.show(error);
      },
    });
  }

  protected removeClosure(closure: CalendarClosure): void {
    const question = this.i18n.t('calendar.closures.removeConfirm', {
      name: closure.name,
      date: closure.date,
    });
    if (!confirm(question)) return;
    this.api.deleteClosure(closure.id).subscribe({
      next: () => {
        this.snackBar.open(this.i18n.t('calendar.closures.removed'), undefined, { duration: 3000 });
        this.load();
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected prefill(): void {
    const view = this.view();
    if (!view) return;
    this.busy.set(true);
    this.api.prefillNational(view.year).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.snackBar.open(
          this.i18n.t('calendar.closures.prefilled', {
            added: result.added.length,
            skipped: result.skipped.length,
          }),
          this.i18n.t('app.close'),
          { duration: 6000 },
        );
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.show(error);
      },
    });
  }
}
