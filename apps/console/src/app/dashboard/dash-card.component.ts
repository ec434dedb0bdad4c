import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { DashboardTable } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';

/**
 * One dashboard card: its heading, the controls given in `[cardControls]`, the CSV and XLSX
 * downloads of its table (when `table` is set), then the content (chart and table).
 */
@Component({
  selector: 'sg-dash-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `<section class="card" [attr.aria-labelledby]="headingId()">
    <header>
      <h2 [id]="headingId()">{{ heading() }}</h2>
      <div class="controls">
        <ng-content select="[cardControls]" />
        @if (table(); as t) {
          @for (f of formats; track f.format) {
            <button
              mat-stroked-button
              type="button"
              [attr.data-test]="'dash-' + f.format + '-' + t"
              [attr.aria-label]="f.label | t: { table: heading() }"
              (click)="download.emit(f.format)"
            >
              {{ f.text }}
            </button>
          }
        }
      </div>
    </header>
    <ng-content />
  </section>`,
  styles: `
    :host {
      display: block;
      margin: 16px 0;
      min-width: 0;
    }
    .card {
      background: var(--mat-sys-surface);
      border-radius: 12px;
      padding: 16px;
      height: 100%;
      box-sizing: border-box;
      box-shadow: 0 1px 2px rgb(0 0 0 / 12%);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font-size: 18px;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class DashCardComponent {
  readonly heading = input.required<string>();
  /** Id of the heading (the section is labelled by it). */
  readonly headingId = input.required<string>();
  /** The table its downloads export; null for none. */
  readonly table = input<DashboardTable | null>(null);
  readonly download = output<'csv' | 'xlsx'>();
  /** The download buttons, in order. */
  protected readonly formats = [
    { format: 'csv', text: 'CSV', label: 'dash.exportCsv' },
    { format: 'xlsx', text: 'XLSX', label: 'dash.exportXlsx' },
  ] as const;
}
