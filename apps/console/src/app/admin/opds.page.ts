import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FIELD_LIMITS, type OpdView } from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { EditButtonComponent, FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { loadInto, officeChoice, upsertById } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { EditForm } from '../shared/edit-form';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
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
    EditButtonComponent,
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  templateUrl: './opds.page.html',
  styleUrl: './admin.scss',
})
export class OpdsPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);

  protected readonly isAdmin = this.auth.isAdmin;
  /** Admins choose the office; others always see their own. */
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly opds = signal<OpdView[]>([]);
  protected readonly loading = signal(false);

  /** The form: closed, on a new OPD ('') or on one being edited (its id). */
  private readonly form = new EditForm<{ name?: string; domains?: string }>();
  protected readonly editing = this.form.editing;
  protected readonly errors = this.form.errors;
  protected readonly formError = this.form.formError;
  protected readonly saving = this.form.saving;
  protected name = '';
  /** The API's limits, shown as counters. */
  protected readonly limit = FIELD_LIMITS.opd;
  protected readonly count = lengthCount;
  protected domains = '';

  private load(office: string): void {
    loadInto(this.api.opds(office), (opds) => this.opds.set(opds), this.loading, this.notifier);
  }

  protected startCreate(): void {
    this.name = '';
    this.domains = '';
    this.form.open('');
  }

  protected startEdit(opd: OpdView): void {
    this.name = opd.name;
    this.domains = opd.emailDomains.join(', ');
    this.form.open(opd.id);
  }

  protected cancel(): void {
    this.form.close();
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
    this.form.submit(
      request,
      (saved) => this.opds.update((list) => upsertById(list, saved)),
      (fields) => ({ name: fields['name'], domains: domainErrors(fields) ?? undefined }),
    );
  }
}
