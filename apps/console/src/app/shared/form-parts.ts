import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';

/** The heading of an edit form and, after a refused save, what went wrong (announced). */
@Component({
  selector: 'sg-form-head',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ title() }}</h2>
    @if (error(); as message) {
      <p class="form-error" role="alert" data-test="form-error">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin-top: 0;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 0 0 12px;
    }
  `,
})
export class FormHeadComponent {
  readonly title = input.required<string>();
  readonly error = input<string | null>(null);
}

/** Save (submits the surrounding form) and cancel, under an edit form. */
@Component({
  selector: 'sg-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <button mat-flat-button type="submit" [disabled]="saving()" [attr.data-test]="saveTest()">
      {{ saveLabel() | t }}
    </button>
    @if (cancellable()) {
      <button
        mat-stroked-button
        type="button"
        (click)="cancelled.emit()"
        [attr.data-test]="cancelTest()"
      >
        {{ 'admin.cancel' | t }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class FormActionsComponent {
  readonly saving = input(false);
  /** `data-test` of the save button. */
  readonly saveTest = input.required<string>();
  /** `data-test` of the cancel button. */
  readonly cancelTest = input<string | null>(null);
  /** What the save button says ("Simpan" unless told). */
  readonly saveLabel = input<MessageKey>('admin.save');
  readonly cancellable = input(true);
  readonly cancelled = output();
}

/**
 * A row's button (edit unless told otherwise); its accessible name says which row
 * (`Ubah OPD: Dinas Pendidikan`, `Pensiunkan: Tim Teknis`).
 */
@Component({
  selector: 'sg-edit-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <button
      mat-button
      type="button"
      (click)="pressed.emit()"
      [attr.data-test]="test()"
      [attr.aria-label]="label() + ': ' + name()"
    >
      {{ text() | t }}
    </button>
  `,
})
export class EditButtonComponent {
  /** What the button says ("Ubah" unless told). */
  readonly text = input<MessageKey>('admin.edit');
  /** What editing means here, e.g. "Ubah OPD". */
  readonly label = input.required<string>();
  /** The row's name. */
  readonly name = input.required<string>();
  readonly test = input.required<string>();
  readonly pressed = output();
}

/**
 * A row's "retire" question in place of its buttons: the name is asked about, yes retires,
 * cancel puts the buttons back.
 */
@Component({
  selector: 'sg-retire-confirm',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <span class="confirm" role="group" [attr.aria-label]="question()">
      <span>{{ question() }}</span>
      <button
        mat-flat-button
        type="button"
        class="danger"
        (click)="confirmed.emit()"
        [attr.data-test]="test()"
      >
        {{ 'onboard.retire.yes' | t }}
      </button>
      <button mat-button type="button" (click)="cancelled.emit()">
        {{ 'admin.cancel' | t }}
      </button>
    </span>
  `,
  styles: `
    .confirm {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }
    .danger {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
})
export class RetireConfirmComponent {
  /** The question, already in words ("Pensiunkan kantor Dogiyai?"). */
  readonly question = input.required<string>();
  /** `data-test` of the yes button. */
  readonly test = input.required<string>();
  readonly confirmed = output();
  readonly cancelled = output();
}
