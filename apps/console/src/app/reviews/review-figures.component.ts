import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ReviewFiguresSnapshot } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';

const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(1).replace('.', ',')} %`;
const minutes = (m: number | null) => {
  if (m === null) return '—';
  const h = Math.floor(m / 60);
  return h ? `${h} j ${m % 60} m` : `${m} m`;
};

/** The figures a review keeps, read-only: a list of labelled values. */
@Component({
  selector: 'sg-review-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @let f = figures();
    <dl class="figures" data-test="review-figures">
      <div>
        <dt>{{ 'review.fig.tickets' | t }}</dt>
        <dd>{{ f.tickets.total }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.withinLimit' | t }}</dt>
        <dd>{{ percent(f.tickets.withinLimitShare) }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.breached' | t }}</dt>
        <dd>{{ f.tickets.breached }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.firstResponse' | t }}</dt>
        <dd>{{ percent(f.firstResponse.withinLimitShare) }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.incidents' | t }}</dt>
        <dd>{{ f.incidents.total }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.resolution' | t }}</dt>
        <dd>{{ percent(f.incidents.resolutionShare) }}</dd>
      </div>
      <div>
        <dt>{{ 'review.fig.mttr' | t }}</dt>
        <dd>{{ minutes(f.incidents.meanRestoreMinutes) }}</dd>
      </div>
      @for (i of f.ikm; track i.period) {
        <div>
          <dt>{{ 'review.fig.ikm' | t: { period: i.period } }}</dt>
          <dd>{{ i.shown ?? '—' }} {{ i.gradeName ?? '' }}</dd>
        </div>
      } @empty {
        <div>
          <dt>{{ 'review.fig.ikmNone' | t }}</dt>
          <dd>—</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 8px;
      margin: 8px 0;
    }
    .figures div {
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      padding: 6px 10px;
      min-width: 0;
    }
    dt {
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    dd {
      margin: 0;
      font-weight: 500;
      font-size: 1.1em;
      overflow-wrap: anywhere;
    }
  `,
})
export class ReviewFiguresComponent {
  readonly figures = input.required<ReviewFiguresSnapshot>();
  protected readonly percent = percent;
  protected readonly minutes = minutes;
}
