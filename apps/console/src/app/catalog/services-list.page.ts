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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { OfficeSummary, ServiceSummary } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { describeDuration } from '../shared/duration';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { CatalogApi } from './catalog.api';

/** `/katalog`: the services of one office, the user's own by default (`?kantor=bali`). */
@Component({
  selector: 'sg-services-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'catalog.title' | t }}</h1>
        <span class="spacer"></span>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="office-field">
          <mat-label>{{ 'catalog.office' | t }}</mat-label>
          <mat-select
            [value]="office()"
            (valueChange)="chooseOffice($event)"
            data-test="office-select"
          >
            @for (item of offices(); track item.code) {
              <mat-option [value]="item.code"
                >{{ item.name }} ({{ item.zoneAbbreviation }})</mat-option
              >
            }
          </mat-select>
        </mat-form-field>
        @if (auth.isAdmin()) {
          <a mat-stroked-button routerLink="/katalog/impor">
            <mat-icon svgIcon="upload" />{{ 'catalog.import' | t }}
          </a>
        }
      </header>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      } @else if (failed()) {
        <div class="empty">
          <p>{{ 'error.unexpected' | t }}</p>
          <button mat-stroked-button type="button" (click)="reload()">{{ 'app.retry' | t }}</button>
        </div>
      } @else if (services().length === 0) {
        <p class="empty" data-test="empty">{{ 'catalog.empty' | t }}</p>
      } @else {
        <p class="muted">{{ 'catalog.count' | t: { count: services().length } }}</p>
        <div class="table-wrap">
          <table class="sg-table stackable" data-test="services-table">
            <thead>
              <tr>
                <th scope="col">{{ 'catalog.col.name' | t }}</th>
                <th scope="col">{{ 'catalog.col.time' | t }}</th>
                <th scope="col" class="num">{{ 'catalog.col.requirements' | t }}</th>
                <th scope="col" class="num">{{ 'catalog.col.steps' | t }}</th>
                <th scope="col" class="num">{{ 'catalog.col.version' | t }}</th>
                <th scope="col">{{ 'catalog.col.status' | t }}</th>
                <th scope="col">{{ 'catalog.col.updated' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (service of services(); track service.code) {
                <tr data-test="service-row">
                  <td [attr.data-label]="'catalog.col.name' | t">
                    <a [routerLink]="['/katalog', service.office, service.code]">{{
                      service.name
                    }}</a>
                  </td>
                  <td [attr.data-label]="'catalog.col.time' | t">
                    <div>
                      {{ service.serviceTime.text }}
                      @if (service.serviceTime.parsed; as parsed) {
                        <span class="muted small">({{ duration(parsed) }})</span>
                      }
                    </div>
                  </td>
                  <td class="num" [attr.data-label]="'catalog.col.requirements' | t">
                    {{ service.requirementCount }}
                  </td>
                  <td class="num" [attr.data-label]="'catalog.col.steps' | t">
                    {{ service.stepCount }}
                  </td>
                  <td class="num" [attr.data-label]="'catalog.col.version' | t">
                    {{ service.version }}
                  </td>
                  <td [attr.data-label]="'catalog.col.status' | t">
                    <span class="status" [class.retired]="service.status === 'retired'">{{
                      (service.status === 'active'
                        ? 'catalog.status.active'
                        : 'catalog.status.retired'
                      ) | t
                    }}</span>
                  </td>
                  <td [attr.data-label]="'catalog.col.updated' | t">
                    {{ service.updatedAt | zoned: timeZone() }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
})
export class ServicesListPage {
  protected readonly auth = inject(AuthService);
  private readonly api = inject(CatalogApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);

  protected readonly offices = toSignal(
    this.api.offices().pipe(
      catchError((error: unknown) => {
        this.notifier.show(error);
        return of([] as OfficeSummary[]);
      }),
    ),
    { initialValue: [] as OfficeSummary[] },
  );
  private readonly requested = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });

  /** The office shown: `?kantor=`, else the user's office, else the first office listed. */
  protected readonly office = computed(
    () =>
      this.requested().get('kantor') ?? this.auth.user()?.office ?? this.offices()[0]?.code ?? null,
  );
  protected readonly timeZone = computed(
    () => this.offices().find((item) => item.code === this.office())?.timeZone ?? 'Asia/Jakarta',
  );

  protected readonly services = signal<ServiceSummary[]>([]);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  private readonly reloads = signal(0);

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      this.reloads();
      if (!office) return;
      this.loading.set(true);
      this.failed.set(false);
      const subscription = this.api.services(office).subscribe({
        next: (services) => {
          this.services.set(services);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.failed.set(true);
          this.services.set([]);
          this.notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected duration = (parsed: NonNullable<ServiceSummary['serviceTime']['parsed']>) =>
    describeDuration(parsed, (key, params) => this.i18n.t(key, params), this.i18n.locale());

  protected chooseOffice(code: string): void {
    void this.router.navigate([], { queryParams: { kantor: code }, replaceUrl: true });
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
