import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { SERVICE_HEALTHS, type PublicStatusDay, type ServiceHealth } from '@sigap/contracts';
import { I18nService, TranslatePipe, injectT } from '../i18n/i18n.service';
import { formatInZone, ZonedDatePipe } from '../shared/zoned-date';
import { PublicApi } from './public.api';

/**
 * `/status-layanan?office=bali` (or `?kantor=`): the IT services an office shows to the public,
 * their state now, the ongoing incidents in the helpdesk's plain words, and a strip of the last
 * 90 days. Without an office: a chooser.
 */
@Component({
  selector: 'sg-public-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <h1>{{ 'pub.status.title' | t }}</h1>
    <p class="intro">{{ 'pub.status.intro' | t }}</p>
    <mat-form-field class="chooser" subscriptSizing="dynamic">
      <mat-label>{{ 'pub.status.office' | t }}</mat-label>
      <mat-select
        data-test="status-office"
        [value]="office()"
        (selectionChange)="choose($event.value)"
      >
        @for (o of offices.value() ?? []; track o.code) {
          <mat-option [value]="o.code">{{ o.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>

    @if (!office()) {
      <p data-test="status-choose">{{ 'pub.status.choose' | t }}</p>
    } @else if (status.isLoading() && !status.value()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'pub.loading' | t" />
    } @else if (status.error()) {
      <p role="alert" data-test="status-error">
        {{ (notFound() ? 'pub.status.unknownOffice' : 'pub.loadFailed') | t }}
      </p>
    } @else if (status.value(); as s) {
      <section class="overall" [class]="'overall ' + s.state" data-test="status-overall">
        <h2>{{ s.office.name }}</h2>
        <p class="summary">{{ overallKey(s.state) | t }}</p>
        <p class="asof">
          {{ 'pub.status.asOf' | t: { at: (s.generatedAt | zoned: s.office.timeZone) } }}
        </p>
      </section>

      <ul class="services" data-test="status-services">
        @for (svc of s.services; track svc.code) {
          <li class="service" [attr.data-test]="'status-' + svc.code">
            <div class="head">
              <h3>{{ svc.name }}</h3>
              <span class="chip" [class]="'chip ' + svc.state" data-test="status-state">
                {{ stateKey(svc.state) | t }}
              </span>
            </div>
            @for (inc of svc.incidents; track $index) {
              <div class="incident" [class]="'incident ' + inc.state" data-test="status-incident">
                <strong>{{ inc.title }}</strong>
                <p class="words">{{ inc.summary }}</p>
                <p class="since">
                  {{ 'pub.status.since' | t: { at: (inc.since | zoned: s.office.timeZone) } }}
                </p>
              </div>
            }
            <div
              class="strip"
              role="img"
              data-test="status-history"
              [attr.aria-label]="historyLabel(svc.history)"
            >
              @for (d of svc.history; track d.date) {
                <span class="day" [class]="'day ' + d.state" [attr.title]="dayTitle(d)"></span>
              }
            </div>
            <div class="axis" aria-hidden="true">
              <span>{{ 'pub.status.daysAgo' | t: { days: svc.history.length } }}</span>
              <span>{{ 'pub.status.today' | t }}</span>
            </div>
          </li>
        } @empty {
          <li class="empty" data-test="status-empty">{{ 'pub.status.empty' | t }}</li>
        }
      </ul>
      <p class="legend" aria-hidden="true">
        @for (state of states; track state) {
          <span class="item"
            ><span class="key" [class]="'key ' + state"></span>{{ stateKey(state) | t }}</span
          >
        }
      </p>
    }
  `,
  styles: `
    :host {
      --ok: #2e7d32;
      --partial: #ef8f00;
      --major: #c62828;
      display: block;
    }
    .intro {
      max-width: 70ch;
    }
    .chooser {
      width: min(100%, 420px);
    }
    .overall {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 8px;
      border-left: 6px solid var(--ok);
      background: var(--mat-sys-surface-container-low);
    }
    .overall.partial {
      border-left-color: var(--partial);
    }
    .overall.major {
      border-left-color: var(--major);
    }
    .overall h2 {
      margin: 0 0 4px;
      font-size: 1.1rem;
    }
    .summary {
      margin: 0;
      font-weight: 600;
      font-size: 1.15rem;
    }
    .asof,
    .since,
    .axis {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85rem;
    }
    .asof {
      margin: 4px 0 0;
    }
    .services {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    .service {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      min-width: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .head h3 {
      margin: 0;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    .chip {
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 0.85rem;
      font-weight: 600;
      color: #fff;
      background: var(--ok);
      white-space: nowrap;
    }
    .chip.partial {
      background: #a85f00;
    }
    .chip.major {
      background: var(--major);
    }
    .incident {
      margin-top: 8px;
      padding: 8px 12px;
      border-left: 4px solid var(--partial);
      background: var(--mat-sys-surface-container-low);
      overflow-wrap: anywhere;
    }
    .incident.major {
      border-left-color: var(--major);
    }
    .words {
      margin: 4px 0;
      white-space: pre-line;
    }
    .since {
      margin: 0;
    }
    .strip {
      display: flex;
      gap: 1px;
      height: 28px;
      margin-top: 12px;
    }
    .day {
      flex: 1 1 0;
      min-width: 1px;
      border-radius: 1px;
      background: var(--ok);
    }
    .day.partial {
      background: var(--partial);
    }
    .day.major {
      background: var(--major);
    }
    .axis {
      display: flex;
      justify-content: space-between;
      margin-top: 4px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      margin-top: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .item {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
    }
    .key {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      background: var(--ok);
    }
    .key.partial {
      background: var(--partial);
    }
    .key.major {
      background: var(--major);
    }
  `,
})
export class PublicStatusPage {
  private readonly api = inject(PublicApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly t = injectT();
  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });

  protected readonly states = SERVICE_HEALTHS;
  protected readonly office = computed(
    () => this.query().get('office') || this.query().get('kantor') || '',
  );
  protected readonly offices = rxResource({ stream: () => this.api.offices() });
  protected readonly status = rxResource({
    params: () => this.office() || undefined,
    stream: ({ params }) => this.api.status(params),
  });
  protected readonly notFound = computed(() => {
    const error = this.status.error() as { status?: number } | undefined;
    return error?.status === 404;
  });

  protected choose(code: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { office: code, kantor: null },
      queryParamsHandling: 'merge',
    });
  }

  /** A day's date (the office's local date, as the API gives it) and its state. */
  protected dayTitle(day: PublicStatusDay): string {
    const date = formatInZone(`${day.date}T12:00:00Z`, 'UTC', this.i18n.locale(), 'date');
    return `${date}: ${this.t(stateKey(day.state))}`;
  }

  protected stateKey(state: ServiceHealth) {
    return stateKey(state);
  }

  protected overallKey(state: ServiceHealth) {
    return `pub.status.overall.${state}` as const;
  }

  protected historyLabel(history: readonly PublicStatusDay[]): string {
    const partial = history.filter((d) => d.state === 'partial').length;
    const major = history.filter((d) => d.state === 'major').length;
    return this.t('pub.status.historyLabel', { days: history.length, partial, major });
  }
}

function stateKey(state: ServiceHealth) {
  return `pub.status.state.${state}` as const;
}
