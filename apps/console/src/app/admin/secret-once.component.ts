import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';

/**
 * A secret the server gives once (a new API token, a webhook's signing secret): announced, with a
 * copy button, until the admin says they kept it. `test` names its `data-test` hooks:
 * `fresh-<test>`, `fresh-<test>-value`, `copy-<test>` and `dismiss-<test>`.
 */
@Component({
  selector: 'sg-secret-once',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <div class="card secret-once" role="status" [attr.data-test]="'fresh-' + test()">
      <h2>{{ heading() }}</h2>
      <p>{{ 'integrations.shownOnce' | t }}</p>
      <div class="secret-row">
        @if (label(); as text) {
          <span>{{ text }}:</span>
        }
        <code [attr.data-test]="'fresh-' + test() + '-value'">{{ value() }}</code>
        <button
          mat-stroked-button
          type="button"
          (click)="copy()"
          [attr.data-test]="'copy-' + test()"
        >
          {{ 'integrations.copy' | t }}
        </button>
      </div>
      <button
        mat-button
        type="button"
        (click)="dismissed.emit()"
        [attr.data-test]="'dismiss-' + test()"
      >
        {{ 'integrations.done' | t }}
      </button>
    </div>
  `,
  styles: `
    .secret-once {
      margin-bottom: 16px;
      border-left: 4px solid var(--mat-sys-primary);
    }
    .secret-once h2 {
      margin-top: 0;
    }
    .secret-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .secret-row code {
      word-break: break-all;
      padding: 6px 8px;
      background: var(--mat-sys-surface-container);
      border-radius: 4px;
    }
  `,
})
export class SecretOnceComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);

  /** What was made, already in words ("Token dibuat: e-Office"). */
  readonly heading = input.required<string>();
  /** What the secret is, when the heading does not say it ("Rahasia penanda tangan"). */
  readonly label = input<string | null>(null);
  readonly value = input.required<string>();
  /** The stem of its `data-test` hooks (`token`, `secret`). */
  readonly test = input.required<string>();
  /** The admin kept it: the panel goes. */
  readonly dismissed = output();

  protected copy(): void {
    if (this.clipboard.copy(this.value())) {
      this.snackBar.open(this.i18n.t('integrations.copied'), undefined, { duration: 2000 });
    }
  }
}
