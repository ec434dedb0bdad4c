import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from './form-focus';

/** What a text field is: its label, kind of input, limits and `data-test`. */
export interface TextFieldSpec {
  label: MessageKey;
  type?: 'text' | 'number' | 'email' | 'password' | 'url';
  required?: boolean;
  maxlength?: number;
  /** What to write, under the field while it has no error. */
  hint?: MessageKey;
  /** A text of several lines (a textarea of this many rows). */
  rows?: number;
  min?: number;
  max?: number;
  /** `data-test` of the input. */
  test?: string;
}

/**
 * A labelled outlined input that reports each keystroke's text, with the field's error (if any)
 * beneath it and, for a limited text, how much of the limit is used. For forms kept in signals
 * rather than `ngModel`. A password field is never filled
 * in by the browser's saved logins.
 */
@Component({
  selector: 'sg-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    @let s = spec();
    <mat-form-field
      appearance="outline"
      [subscriptSizing]="dense() ? 'dynamic' : 'fixed'"
      [class.sg-refused]="!!error()"
    >
      <mat-label>{{ s.label | t }}</mat-label>
      @if (s.rows) {
        <textarea
          matInput
          [rows]="s.rows"
          [required]="s.required ?? false"
          [attr.maxlength]="s.maxlength ?? null"
          [value]="value()"
          (input)="onInput($event)"
          [attr.data-test]="s.test ?? null"
        ></textarea>
      } @else {
        <input
          matInput
          [type]="s.type ?? 'text'"
          [required]="s.required ?? false"
          [attr.maxlength]="s.maxlength ?? null"
          [attr.min]="s.min ?? null"
          [attr.max]="s.max ?? null"
          [attr.autocomplete]="s.type === 'password' ? 'new-password' : null"
          [value]="value()"
          (input)="onInput($event)"
          [attr.data-test]="s.test ?? null"
        />
      }
      @if (error(); as message) {
        <mat-hint class="field-error" [attr.data-test]="errorTest()">{{ message }}</mat-hint>
      } @else if (s.hint) {
        <mat-hint>{{ s.hint | t }}</mat-hint>
      }
      @if (s.maxlength && s.type !== 'number' && s.type !== 'password') {
        <mat-hint align="end" data-test="field-count">{{
          count(value().toString(), s.maxlength)
        }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class TextFieldComponent {
  readonly spec = input.required<TextFieldSpec>();
  readonly value = input<string | number>('');
  /** Whether the hint line takes room only when there is something to say. */
  readonly dense = input(false);
  readonly error = input<string | null | undefined>(null);
  /** `data-test` of the error line. */
  readonly errorTest = input<string | null>(null);
  /** The text as typed (a number field's too: the caller converts). */
  readonly changed = output<string>();

  protected readonly count = lengthCount;

  protected onInput(event: Event): void {
    this.changed.emit((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }
}
