import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { API_TOKEN_SCOPES, type ApiTokenScope, type ApiTokenView } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { EditForm } from '../shared/edit-form';
import { FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { loadInto } from '../shared/office-choice';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { IntegrationsApi } from './integrations.api';
import {
  IntegrationOfficeComponent,
  confirmedRemoval,
  integrationOffices,
  toggled,
} from './integration-parts';
import { SecretOnceComponent } from './secret-once.component';

/**
 * `/admin/token-api`: the API tokens other systems call Sigap with. A new token is shown once,
 * with a copy button; the list shows what each may do, where, until when, and its last use.
 */
@Component({
  selector: 'sg-api-tokens-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    IntegrationOfficeComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    SecretOnceComponent,
    TranslatePipe,
    ZonedDatePipe,
  ],
  templateUrl: './api-tokens.page.html',
  styleUrl: './admin.scss',
})
export class ApiTokensPage {
  private readonly api = inject(IntegrationsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly removal = confirmedRemoval();
  private readonly reach = integrationOffices();

  protected readonly scopes = API_TOKEN_SCOPES;
  protected readonly offices = this.reach.offices;
  protected readonly officeName = this.reach.officeName;
  protected readonly zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
  protected readonly tokens = signal<ApiTokenView[]>([]);
  protected readonly loading = signal(false);
  /** The token just made, shown until the admin says they kept it. */
  protected readonly fresh = signal<{ name: string; token: string } | null>(null);

  private readonly form = new EditForm<{ name?: string; scopes?: string; expiresAt?: string }>();
  protected readonly editing = this.form.editing;
  protected readonly errors = this.form.errors;
  protected readonly formError = this.form.formError;
  protected readonly saving = this.form.saving;
  protected name = '';
  protected chosenScopes: ApiTokenScope[] = [];
  protected office = '';
  /** `YYYY-MM-DD` from the date field; the token ends at the start of that day (local time). */
  protected expiresOn = '';

  constructor() {
    this.load();
  }

  private load(): void {
    loadInto(this.api.tokens(), (list) => this.tokens.set(list), this.loading, this.notifier);
  }

  protected scopeLabel(scope: string): string {
    return this.i18n.t(`apiTokens.scope.${scope}` as MessageKey);
  }

  protected toggleScope(scope: ApiTokenScope, on: boolean): void {
    this.chosenScopes = toggled(this.chosenScopes, scope, on);
  }

  protected startCreate(): void {
    this.name = '';
    this.chosenScopes = [];
    this.office = '';
    this.expiresOn = '';
    this.fresh.set(null);
    this.form.open('');
  }

  protected cancel(): void {
    this.form.close();
  }

  protected save(): void {
    const name = this.name.trim();
    const missing: { name?: string; scopes?: string } = {};
    if (!name) missing.name = this.i18n.t('apiTokens.err.name');
    if (!this.chosenScopes.length) missing.scopes = this.i18n.t('apiTokens.err.scopes');
    if (missing.name || missing.scopes) {
      this.errors.set(missing);
      return;
    }
    const scopes = this.scopes.filter((s) => this.chosenScopes.includes(s));
    this.form.submit(
      this.api.createToken({
        name,
        scopes,
        ...(this.office ? { office: this.office } : {}),
        ...(this.expiresOn
          ? { expiresAt: new Date(`${this.expiresOn}T00:00:00`).toISOString() }
          : {}),
      }),
      (created) => {
        this.fresh.set({ name, token: created.token });
        this.load();
      },
    );
  }

  protected dismissFresh(): void {
    this.fresh.set(null);
  }

  protected revoke(token: ApiTokenView): void {
    this.removal(
      this.i18n.t('apiTokens.revokeConfirm', { name: token.name }),
      () => this.api.revokeToken(token.id),
      () => this.tokens.update((list) => list.filter((t) => t.id !== token.id)),
      this.i18n.t('apiTokens.revoked'),
    );
  }
}
