import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { OfficeSummary } from '@sigap/contracts';
import { catchError, of, type Observable } from 'rxjs';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';

/**
 * What an integration (API token, webhook) may be limited to: one office or all. `offices` is
 * every office (empty when the list cannot be read); `officeName` names a row's office.
 * Call it where `inject` works.
 */
export function integrationOffices(): {
  offices: () => OfficeSummary[];
  officeName: (code: string | null) => string;
} {
  const i18n = inject(I18nService);
  const offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  const officeName = (code: string | null): string => {
    if (!code) return i18n.t('integrations.allOffices');
    return offices().find((o) => o.code === code)?.name ?? code;
  };
  return { offices, officeName };
}

/** `chosen` with `item` ticked (added at the end) or unticked. */
export function toggled<T>(chosen: readonly T[], item: T, on: boolean): T[] {
  const rest = chosen.filter((c) => c !== item);
  return on ? [...rest, item] : rest;
}

/**
 * Removes a row after the admin says yes to `question`: sends `request`, then `done` and the
 * `notice`; a refusal is shown through the page's notifier. Call it where `inject` works.
 */
export function confirmedRemoval(): (
  question: string,
  request: () => Observable<unknown>,
  done: () => void,
  notice: string,
) => void {
  const notifier = inject(ErrorNotifier);
  const snackBar = inject(MatSnackBar);
  return (question, request, done, notice) => {
    if (!confirm(question)) return;
    request().subscribe({
      next: () => {
        done();
        snackBar.open(notice, undefined, { duration: 3000 });
      },
      error: (e: unknown) => notifier.show(e),
    });
  };
}

/** The office an integration is limited to ("Semua kantor" for none), in its create form. */
@Component({
  selector: 'sg-integration-office',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field>
      <mat-label>{{ 'integrations.office' | t }}</mat-label>
      <mat-select [(value)]="value" [attr.data-test]="test()">
        <mat-option value="">{{ 'integrations.allOffices' | t }}</mat-option>
        @for (o of offices(); track o.code) {
          <mat-option [value]="o.code">{{ o.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class IntegrationOfficeComponent {
  readonly offices = input.required<readonly OfficeSummary[]>();
  /** The office code chosen; empty for all offices. */
  readonly value = model('');
  /** `data-test` of the select. */
  readonly test = input.required<string>();
}
