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
  LogarithmicScale,
  Tooltip,
  type ChartDataset,
  type ChartOptions,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
);

/** How the value axis reads: its unit, whole numbers only, a logarithmic scale, an end. */
export interface ValueAxis {
  /** Axis title naming the unit ("jumlah tiket", "menit kerja"); also said in the tooltip. */
  unit?: string | null;
  /** Counts: ticks at whole numbers only (no "0.5 tiket"). */
  whole?: boolean;
  /**
   * A logarithmic axis, for figures of very different sizes in one chart (a median of minutes
   * beside a target of days), where a linear axis flattens the small ones to nothing.
   */
  log?: boolean;
  max?: number;
  stacked?: boolean;
  horizontal?: boolean;
}

/** Chart.js options of a bar chart whose value axis reads as `axis` says. */
export function barChartOptions(axis: ValueAxis): ChartOptions<'bar'> {
  const stacked = !!axis.stacked && !axis.log;
  const unit = axis.unit ?? null;
  const title = { display: !!unit, text: unit ?? '' };
  const value: NonNullable<ChartOptions<'bar'>['scales']>[string] = axis.log
    ? // Log ticks fall on 1, 2, 5, 10, …: whole numbers already.
      // From 1 minute: a few minutes still show as a bar.
      { type: 'logarithmic', min: 1, max: axis.max, title }
    : {
        type: 'linear',
        stacked,
        beginAtZero: true,
        max: axis.max,
        title,
        ticks: axis.whole ? { precision: 0, stepSize: 1 } : {},
      };
  const category = { stacked };
  const horizontal = !!axis.horizontal;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    scales: horizontal ? { x: value, y: category } : { x: category, y: value },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) => {
            const figure = horizontal ? item.parsed.x : item.parsed.y;
            const text = `${item.dataset.label ?? ''}: ${figure?.toLocaleString() ?? '-'}`;
            return unit ? `${text} (${unit})` : text;
          },
        },
      },
    },
  };
}

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
  /** The unit of the value axis, shown as its title. */
  readonly unit = input<string | null>(null);
  /** Counts: whole-number ticks. */
  readonly whole = input(false);
  /** A logarithmic value axis (figures of very different sizes). */
  readonly log = input(false);

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
      const options = barChartOptions({
        unit: this.unit(),
        whole: this.whole(),
        log: this.log(),
        max: this.max(),
        stacked: this.stacked(),
        horizontal: this.horizontal(),
      });
      if (this.chart) {
        // Options too: the unit's words follow the language.
        this.chart.data.labels = labels;
        this.chart.data.datasets = datasets;
        this.chart.options = options;
        this.chart.update();
        return;
      }
      this.chart = new Chart<'bar', Array<number | null>, string>(this.canvas().nativeElement, {
        type: 'bar',
        data: { labels, datasets },
        options,
      });
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
