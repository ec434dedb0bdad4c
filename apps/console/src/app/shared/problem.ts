import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Problem } from '@sigap/contracts';
import { I18nService } from '../i18n/i18n.service';

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).title === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

/** The problem+json body of a failed call, or null when the answer carried none. */
export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return isProblem(body) ? body : null;
}

/**
 * Validation errors by field path, with the `standard.` / `body.` prefix the API may put in
 * front removed: `{ 'steps[2].time': 'tidak terbaca' }`.
 */
export function fieldErrorsOf(problem: Problem | null): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of problem?.errors ?? []) {
    const path = item.path
      .replace(/^(standard|body|draft)\./, '')
      .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    errors[path] = errors[path] ? `${errors[path]}; ${item.message}` : item.message;
  }
  return errors;
}

/** Shows what went wrong in a snack bar: the API's title and detail, or a plain sentence. */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** The sentence shown for `error`. */
  describe(error: unknown): string {
    const problem = problemOf(error);
    if (problem) return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
    if (error instanceof HttpErrorResponse) {
      if (error.status === 0) return this.i18n.t('error.network');
      if (error.status === 403) return this.i18n.t('error.forbidden');
      if (error.status === 404) return this.i18n.t('error.notFound');
      return this.i18n.t('error.status', { status: error.status });
    }
    return this.i18n.t('error.unexpected');
  }

  show(error: unknown): void {
    this.snackBar.open(this.describe(error), this.i18n.t('app.close'), {
      duration: 8000,
      panelClass: 'sg-snack-error',
    });
  }
}

/** Errors nobody caught still reach the user as a message, never as a blank page. */
@Injectable()
export class NotifyingErrorHandler implements ErrorHandler {
  private readonly notifier = inject(ErrorNotifier);

  handleError(error: unknown): void {
    console.error(error);
    try {
      this.notifier.show(error);
    } catch {
      // The snack bar itself failed (early in start-up); the console log above remains.
    }
  }
}
