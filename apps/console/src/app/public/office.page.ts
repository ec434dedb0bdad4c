import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { PublicPerformanceComponent } from './performance.component';
import { PublicApi } from './public.api';

/** `/standar-pelayanan/:office`: the office, its active services and its performance. */
@Component({
  selector: 'sg-public-office-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    PublicPerformanceComponent,
  ],
  template: `
    <a class="back no-print" routerLink="/standar-pelayanan">← {{ 'pub.back' | t }}</a>
    @if (detail.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'pub.loading' | t" />
    } @else if (detail.error()) {
      <p role="alert">{{ 'pub.notFound' | t }}</p>
    } @else if (detail.value(); as d) {
      <h1>{{ d.office.name }}</h1>
      <dl class="facts">
        @if (d.office.address) {
          <dt>{{ 'pub.office.address' | t }}</dt>
          <dd>{{ d.office.address }}</dd>
        }
        @if (d.office.website) {
          <dt>{{ 'pub.office.website' | t }}</dt>
          <dd>{{ d.office.website }}</dd>
        }
        <dt>{{ 'pub.office.zone' | t }}</dt>
        <dd>{{ d.office.zone }} ({{ d.office.timeZone }})</dd>
      </dl>
      <sg-public-performance [performance]="d.performance" />
      <h2>{{ 'pub.office.services' | t }}</h2>
      <table class="services" data-test="services">
        <thead>
          <tr>
            <th scope="col">{{ 'pub.office.services' | t }}</th>
            <th scope="col">{{ 'pub.service.time' | t }}</th>
            <th scope="col">{{ 'pub.service.cost' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of d.services; track s.code) {
            <tr>
              <td>
                <a [routerLink]="['/standar-pelayanan', d.office.code, s.code]">{{ s.name }}</a>
              </td>
              <td>{{ s.serviceTime }}</td>
              <td>{{ s.free && !s.cost ? ('pub.service.free' | t) : s.cost }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="3">{{ 'pub.office.noServices' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <h2>{{ 'pub.office.complaintTiers' | t }}</h2>
      <dl class="tiers" data-test="complaint-tiers">
        @for (tier of d.complaintTiers; track $index) {
          <dt>{{ tier.name }} · {{ 'pub.office.tierDays' | t: { days: tier.workingDays } }}</dt>
          @if (tier.description) {
            <dd>{{ tier.description }}</dd>
          }
        }
      </dl>
      <p class="no-print">
        <a
          mat-stroked-button
          [routerLink]="['/pengaduan']"
          [queryParams]="{ kantor: d.office.code }"
        >
          <mat-icon svgIcon="mail" aria-hidden="true" /> {{ 'pub.complaints.file' | t }}
        </a>
      </p>
    }
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .tiers dt {
      font-weight: 600;
    }
    .tiers dd {
      margin: 0 0 8px;
    }
    .services {
      width: 100%;
      border-collapse: collapse;
    }
    .services th,
    .services td {
      text-align: left;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    @media print {
      .no-print {
        display: none !important;
      }
    }
  `,
})
export class PublicOfficePage {
  private readonly api = inject(PublicApi);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap, {
    initialValue: this.route.snapshot.paramMap,
  });
  protected readonly code = computed(() => this.params().get('office') ?? '');
  protected readonly detail = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.office(params),
  });
}
