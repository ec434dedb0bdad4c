import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { OfficeSummary, OpdView } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { AdminApi, parseDomains } from './admin.api';

/** Field errors of the domain list (`emailDomains[1]`) gathered under one key. */
function domainErrors(errors: Record<string, string>): string | null {
  const messages = Object.entries(errors)
    .filter(([path]) => path.startsWith('emailDomains'))
    .map(([path, message]) => `${path.replace('emailDomains', '')} ${message}`.trim());
  return messages.length ? messages.join('; ') : null;
}

/**
 * `/admin/opd`: the requesting agencies (OPD) of an office and the e-mail domains by which an
 * incoming message is recognised as theirs.
 */
@Component({
  selector: 'sg-opds-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './opds.page.html',
  styleUrl: './admin.scss',
})
export class OpdsPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  /** Office chosen in the selector; empty until chosen (others always see their own). */
  private readonly chosen = signal(this.auth.user()?.office ?? '');
  /** Office shown: the chosen one, else the first office. */
  protected readonly office = computed(() => this.chosen() || this.offices()[0]?.code || '');
  protected readonly opds = signal<OpdView[]>([]);
  protected readonly loading = signal(false);

  /** Null: no form; '': a new OPD; an id: editing it. */
  protected readonly editing = signal<string | null>(null);
  protected name = '';
  protected domains = '';
  protected readonly errors = signal<{ name?: string; domains?: string }>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const office = this.office();
      if (office) untracked(() => this.load(office));
    });
  }

  private load(office: string): void {
    this.loading.set(true);
    this.api.opds(office).subscribe({
      next: (opds) => {
        this.opds.set(opds);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }

  protected choose(office: string): void {
    this.chosen.set(office);
  }

  protected startCreate(): void {
    this.name = '';
    this.domains = '';
    this.errors.set({});
    this.formError.set(null);
    this.editing.set('');
  }

  protected startEdit(opd: OpdView): void {
    this.name = opd.name;
    this.domains = opd.emailDomains.join(', ');
    this.errors.set({});
    this.formError.set(null);
    this.editing.set(opd.id);
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected save(): void {
    const id = this.editing();
    if (id === null) return;
    const name = this.name.trim();
    if (!name) {
      this.errors.set({ name: this.i18n.t('admin.opds.err.name') });
      return;
    }
    const emailDomains = parseDomains(this.domains);
    const request =
      id === ''
        ? this.api.createOpd({ name, office: this.office(), emailDomains })
        : this.api.updateOpd(id, { name, emailDomains });
    this.saving.set(true);
    this.errors.set({});
    this.formError.set(null);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.editing.set(null);
        this.opds.update((list) =>
          id === '' ? [...list, saved] : list.map((o) => (o.id === saved.id ? saved : o)),
        );
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const fields = fieldErrorsOf(problemOf(e));
        this.errors.set({
          name: fields['name'],
          domains: domainErrors(fields) ?? undefined,
        });
        this.formError.set(this.notifier.describe(e));
      },
    });
  }
}
