import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One row of a figures table: a header cell (optionally a link), then its figures. */
export interface FigureRow {
  key: string;
  head: string;
  /** The header cell links here (a ticket page). */
  link?: string;
  cells: ReadonlyArray<string | number>;
  /** A totals row, set in bold. */
  total?: boolean;
}

/**
 * The table beside each dashboard chart: a caption (visible or for screen readers only), column
 * headers, one row per group with its header cell, and a line when there are no rows.
 */
@Component({
  selector: 'sg-figures-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The box scrolls sideways on its own when the table is wider than the screen (a phone), with
  // the row names pinned; it takes the focus so keyboards can scroll it too.
  template: `<div class="scroll" tabindex="0" role="region" [attr.aria-label]="caption()">
    <table class="figures">
      <caption [class.sr-only]="!showCaption()">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          @for (c of columns(); track $index) {
            <th scope="col">{{ c }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (r of rows(); track r.key) {
          <tr [attr.data-test]="r.total ? null : rowTest()" [class.total]="r.total">
            <th scope="row">
              @if (r.link) {
                <a [href]="r.link">{{ r.head }}</a>
              } @else {
                {{ r.head }}
              }
            </th>
            @for (c of r.cells; track $index) {
              <td>{{ c }}</td>
            }
          </tr>
        } @empty {
          @if (empty(); as text) {
            <tr>
              <td [attr.colspan]="columns().length">{{ text }}</td>
            </tr>
          }
        }
      </tbody>
    </table>
  </div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    .scroll:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .figures {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
      margin-top: 8px;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 4px 0;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: right;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
      font-weight: 500;
      position: sticky;
      left: 0;
      background: var(--mat-sys-surface);
    }
    .total th,
    .total td {
      font-weight: 600;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class FiguresTableComponent {
  readonly caption = input.required<string>();
  /** Show the caption (a second table in a card); else it is for screen readers only. */
  readonly showCaption = input(false);
  readonly columns = input.required<readonly string[]>();
  readonly rows = input.required<readonly FigureRow[]>();
  /** The text of the single row shown when there are no rows; null shows nothing. */
  readonly empty = input<string | null>(null);
  /** `data-test` of each (non-total) row. */
  readonly rowTest = input<string | null>(null);
}
