import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PublicPerformance } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';

/** Compliance, IKM and complaints over the last 12 months, as figures a citizen can read. */
@Component({
  selector: 'sg-public-performance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @let p = performance();
    <section class="perf" aria-labelledby="perf-title">
      <h2 id="perf-title">{{ 'pub.perf.title' | t }}</h2>
      <p class="period">{{ 'pub.perf.period' | t: { from: p.from, to: p.to } }}</p>
      <dl>
        <div data-test="perf-compliance">
          <dt>{{ 'pub.perf.compliance' | t }}</dt>
          @if (p.compliancePercent !== null) {
            <dd>
              <strong>{{ p.compliancePercent }}%</strong>
              <span>{{
                'pub.perf.complianceDetail' | t: { within: p.withinTime, finished: p.finished }
              }}</span>
            </dd>
          } @else {
            <dd>{{ 'pub.perf.noRequests' | t }}</dd>
          }
        </div>
        <div data-test="perf-ikm">
          <dt>{{ 'pub.perf.ikm' | t }}</dt>
          @if (p.ikm; as ikm) {
            <dd>
              <strong>{{ ikm.shown }}</strong>
              <span>{{
                'pub.perf.ikmDetail' | t: { grade: ikm.grade, respondents: ikm.respondents }
              }}</span>
            </dd>
          } @else {
            <dd>{{ 'pub.perf.noIkm' | t }}</dd>
          }
        </div>
        <div data-test="perf-complaints">
          <dt>{{ 'pub.perf.complaints' | t }}</dt>
          <dd>
            {{
              'pub.perf.complaintsDetail'
                | t: { count: p.complaints, answered: p.complaintsAnsweredInTime }
            }}
          </dd>
        </div>
      </dl>
    </section>
  `,
  styles: `
    .perf {
      margin: 16px 0;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      break-inside: avoid;
    }
    h2 {
      margin: 0;
      font-size: 1.1rem;
    }
    .period {
      margin: 4px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 12px;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 4px 0 0;
      display: flex;
      flex-direction: column;
    }
    dd strong {
      font-size: 1.5rem;
    }
  `,
})
export class PublicPerformanceComponent {
  readonly performance = input.required<PublicPerformance>();
}
