import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../i18n/i18n.service';

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
      {{ 'admin.save' | t }}
    </button>
    <button mat-stroked-button type="button" (click)="cancelled.emit()">
      {{ 'admin.cancel' | t }}
    </button>
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
  readonly cancelled = output();
}

/** A row's edit button; its accessible name says which row (`Ubah OPD: Dinas Pendidikan`). */
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
      {{ 'admin.edit' | t }}
    </button>
  `,
})
export class EditButtonComponent {
  /** What editing means here, e.g. "Ubah OPD". */
  readonly label = input.required<string>();
  /** The row's name. */
  readonly name = input.required<string>();
  readonly test = input.required<string>();
  readonly pressed = output();
}
