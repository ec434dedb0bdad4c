import { inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Observable } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { focusFirstInvalid } from './form-focus';
import { ErrorNotifier, fieldErrorsOf, problemOf } from './problem';

/**
 * The state of a page's create/edit form: which item is open (`''` a new one, null none), the
 * refusal messages by field and for the whole form, and whether a save is under way. Create it
 * where `inject` works (a component field).
 */
export class EditForm<E extends object = Record<string, string>> {
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly editing = signal<string | null>(null);
  readonly errors = signal<E>({} as E);
  readonly formError = signal<string | null>(null);
  readonly saving = signal(false);

  /** Opens the form on `id` (`''`: a new item), without messages left from before. */
  open(id: string): void {
    this.errors.set({} as E);
    this.formError.set(null);
    this.editing.set(id);
  }

  /**
   * Refuses the form before anything is sent: the messages beside their fields, the reason
   * above them, and the first field to fix in view with the cursor in it.
   */
  refuse(fields: E, reason: string): void {
    this.errors.set(fields);
    this.formError.set(reason);
    void focusFirstInvalid();
  }

  close(): void {
    this.editing.set(null);
  }

  /**
   * Sends a save. Accepted: the form closes, `saved` receives the answer and "saved" is shown.
   * Refused: the form stays open with the field messages (shaped by `errorsOf`) and the reason.
   */
  submit<T>(
    request: Observable<T>,
    saved: (value: T) => void,
    errorsOf: (fields: Record<string, string>) => E = (fields) => fields as E,
  ): void {
    this.saving.set(true);
    this.errors.set({} as E);
    this.formError.set(null);
    request.subscribe({
      next: (value) => {
        this.saving.set(false);
        this.editing.set(null);
        saved(value);
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const fields = errorsOf(fieldErrorsOf(problemOf(e)));
        this.errors.set(fields);
        this.formError.set(this.notifier.describe(e));
        // The user's eyes go to the first field to fix, not to a message at the top.
        if (Object.keys(fields).length) void focusFirstInvalid();
      },
    });
  }
}
