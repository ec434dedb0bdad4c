import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  effect,
  input,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartDataset,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  values: Array<number | null>;
  color: string;
}

/**
 * A bar chart (Chart.js on a canvas). The canvas is an image named by `label`; the figures are
 * in the table the page shows beside every chart, which is what keyboards and screen readers use.
 */
@Component({
  selector: 'sg-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="frame">
    <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
  </div>`,
  styles: `
    .frame {
      position: relative;
      height: 240px;
      min-width: 0;
    }
  `,
})
export class BarChartComponent implements OnDestroy {
  readonly label = input.required<string>();
  readonly categories = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly stacked = input(false);
  readonly horizontal = input(false);
  /** The value axis ends here (the IKM's 100); unset: fitted to the figures. */
  readonly max = input<number | undefined>(undefined);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar', Array<number | null>, string> | null = null;

  constructor() {
    effect(() => {
      const datasets: ChartDataset<'bar', Array<number | null>>[] = this.series().map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.color,
      }));
      const labels = this.categories();
      if (this.chart) {
        this.chart.data.labels = labels;
        this.chart.data.datasets = datasets;
        this.chart.update();
        return;
      }
      this.chart = new Chart<'bar', Array<number | null>, string>(this.canvas().nativeElement, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          indexAxis: this.horizontal() ? 'y' : 'x',
          scales: {
            x: { stacked: this.stacked() },
            y: { stacked: this.stacked(), beginAtZero: true, max: this.max() },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
