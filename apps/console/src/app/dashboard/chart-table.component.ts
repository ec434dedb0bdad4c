import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n.service';
import { BarChartComponent, type BarSeries } from './bar-chart.component';
import { FiguresTableComponent, type FigureRow } from './figures-table.component';

/** What a chart draws: its categories and one series per figure. */
export interface ChartData {
  categories: string[];
  series: BarSeries[];
}

/** What a figures table shows: the column headers and its rows. */
export interface FigureTable {
  columns: string[];
  rows: FigureRow[];
}

/**
 * A dashboard chart with its figures table: the chart is an image named after `title`, the table
 * (captioned `title` unless `caption` is given) carries the same figures for keyboards and
 * screen readers. Put it side by side with the page's `pair` class.
 */
@Component({
  selector: 'sg-chart-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartComponent, FiguresTableComponent, TranslatePipe],
  template: `<sg-bar-chart
      [label]="'dash.chartOf' | t: { table: title() }"
      [categories]="chart().categories"
      [series]="chart().series"
      [stacked]="stacked()"
      [max]="max()"
      [unit]="unit()"
      [whole]="whole()"
      [log]="log()"
    />
    <sg-figures-table
      [attr.data-test]="tableTest()"
      [rowTest]="rowTest()"
      [caption]="caption() ?? title()"
      [columns]="table().columns"
      [rows]="table().rows"
      [empty]="empty()"
    />`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
  `,
})
export class ChartTableComponent {
  /** The name of the figures (chart label and default table caption). */
  readonly title = input.required<string>();
  readonly chart = input.required<ChartData>();
  readonly table = input.required<FigureTable>();
  readonly stacked = input(false);
  readonly max = input<number | undefined>(undefined);
  /** The unit of the chart's value axis. */
  readonly unit = input<string | null>(null);
  /** Counts: whole-number ticks. */
  readonly whole = input(false);
  /** A logarithmic value axis. */
  readonly log = input(false);
  /** Table caption when it differs from `title`. */
  readonly caption = input<string | null>(null);
  /** `data-test` of the table. */
  readonly tableTest = input.required<string>();
  /** `data-test` of each table row. */
  readonly rowTest = input<string | null>(null);
  /** The line shown when the table has no rows; null shows nothing. */
  readonly empty = input<string | null>(null);
}
