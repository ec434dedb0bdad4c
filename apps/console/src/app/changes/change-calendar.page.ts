import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ChangeCalendarEntry } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ChosenOffice } from '../shared/chosen-office';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier } from '../shared/problem';
import { formatInZone, ZonedDatePipe } from '../shared/zoned-date';
import { ChangesApi, wallClockToIso } from './changes.api';

/** A month as `YYYY-MM`, shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The changes of a month grouped by the day they start on the office's clock, in order. */
export function groupByDay(
  entries: readonly ChangeCalendarEntry[],
  timeZone: string,
  locale: 'id' | 'en',
): { day: string; entries: ChangeCalendarEntry[] }[] {
  const groups: { day: string; entries: ChangeCalendarEntry[] }[] = [];
  for (const e of entries) {
    const day = formatInZone(e.plannedStart, timeZone, locale, 'date');
    const last = groups[groups.length - 1];
    if (last?.day === day) last.entries.push(e);
    else groups.push({ day, entries: [e] });
  }
  return groups;
}

/**
 * `/perubahan`: the change calendar, a month at a time as a list by day (it reads the same on a
 * phone): each change with its window, state, risk and services; an overlap with another open
 * change on the same service is flagged.
 */
@Component({
  selector: 'sg-change-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    OfficeSelectComponent,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <section class="page">
      <h1>{{ 'chg.cal.title' | t }}</h1>
      <p class="muted">{{ 'chg.cal.intro' | t }}</p>
      @if (isAdmin()) {
        <sg-office-select
          [offices]="offices()"
          [value]="office()"
          (chosen)="chosenOffice.set($event)"
        />
      }
      <div class="months">
        <button
          mat-icon-button
          type="button"
          (click)="month.set(shift(month(), -1))"
          [attr.aria-label]="'chg.cal.prev' | t"
          data-test="cal-prev"
        >
          <mat-icon svgIcon="back" />
        </button>
        <h2 data-test="cal-month">{{ monthName() }}</h2>
        <button
          mat-icon-button
          type="button"
          (click)="month.set(shift(month(), 1))"
          [attr.aria-label]="'chg.cal.next' | t"
          data-test="cal-next"
        >
          <mat-icon svgIcon="back" class="flip" />
        </button>
      </div>
      @for (g of days(); track g.day) {
        <h3 class="day">{{ g.day }}</h3>
        <ul class="entries">
          @for (e of g.entries; track e.number) {
            <li [class.clash]="e.overlaps.length" data-test="cal-entry">
              <a [routerLink]="['/tiket', e.number]" class="number">{{ e.number }}</a>
              <span class="subject">{{ e.subject }}</span>
              <span class="muted">
                {{ e.plannedStart | zoned: timeZone() }} – {{ e.plannedEnd | zoned: timeZone() }}
              </span>
              <span class="muted">
                {{ key('chg.state', e.state) | t }} · {{ 'chg.risk' | t }}
                {{ key('chg.risk', e.risk) | t }} ·
                {{ names(e) }}
              </span>
              @if (e.overlaps.length) {
                <span class="flag" role="note" data-test="cal-overlap">
                  {{ 'chg.cal.overlap' | t: { list: overlapNumbers(e) } }}
                </span>
              }
            </li>
          }
        </ul>
      } @empty {
        <p class="muted" data-test="cal-empty">{{ 'chg.cal.empty' | t }}</p>
      }
    </section>
  `,
  styles: `
    .months {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .months h2 {
      margin: 0;
      min-width: 10em;
      text-align: center;
    }
    .flip {
      transform: scaleX(-1);
    }
    .day {
      margin: 16px 0 4px;
    }
    .entries {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .entries li {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      overflow-wrap: anywhere;
    }
    .entries li.clash {
      border-color: var(--mat-sys-error, #b3261e);
    }
    .number {
      font-weight: 600;
    }
    .flag {
      color: var(--mat-sys-error, #b3261e);
      font-weight: 600;
    }
  `,
})
export class ChangeCalendarPage {
  private readonly api = inject(ChangesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  protected readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());
  protected readonly shift = shiftMonth;

  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly office = computed(
    () => this.chosenOffice.code() || this.auth.user()?.office || (this.offices()[0]?.code ?? null),
  );
  protected readonly timeZone = computed(
    () => this.offices().find((o) => o.code === this.office())?.timeZone ?? 'Asia/Jakarta',
  );
  readonly month = signal(new Date().toISOString().slice(0, 7));
  protected readonly entries = signal<ChangeCalendarEntry[]>([]);
  protected readonly days = computed(() =>
    groupByDay(this.entries(), this.timeZone(), this.i18n.locale()),
  );
  protected readonly monthName = computed(() => {
    const [y, m] = this.month().split('-').map(Number);
    return new Intl.DateTimeFormat(this.i18n.locale() === 'en' ? 'en-GB' : 'id-ID', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, 15)));
  });

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      const month = this.month();
      const zone = this.timeZone();
      if (!office) return;
      const from = wallClockToIso(`${month}-01T00:00`, zone) as string;
      const to = wallClockToIso(`${shiftMonth(month, 1)}-01T00:00`, zone) as string;
      const sub = this.api.calendar(office, from, to).subscribe({
        next: (list) => this.entries.set(list),
        error: (e: unknown) => this.notifier.show(e),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected names(e: ChangeCalendarEntry): string {
    return e.services.map((s) => s.name).join(', ');
  }

  protected overlapNumbers(e: ChangeCalendarEntry): string {
    return e.overlaps.map((o) => o.number).join(', ');
  }
}
