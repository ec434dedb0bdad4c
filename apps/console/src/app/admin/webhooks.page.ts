import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  WEBHOOK_EVENTS,
  type WebhookDeliveryView,
  type WebhookEvent,
  type WebhookView,
} from '@sigap/contracts';
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
 * `/admin/webhook`: where Sigap POSTs ticket events. A new webhook's signing secret is shown
 * once; each webhook can be disabled, deleted, and opened on its delivery log (status, tries,
 * last answer, next try) with a redeliver button.
 */
@Component({
  selector: 'sg-webhooks-page',
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
  templateUrl: './webhooks.page.html',
  styleUrl: './admin.scss',
})
export class WebhooksPage {
  private readonly api = inject(IntegrationsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly removal = confirmedRemoval();
  private readonly reach = integrationOffices();

  protected readonly events = WEBHOOK_EVENTS;
  protected readonly offices = this.reach.offices;
  protected readonly officeName = this.reach.officeName;
  protected readonly zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
  protected readonly hooks = signal<WebhookView[]>([]);
  protected readonly loading = signal(false);
  protected readonly fresh = signal<{ url: string; secret: string } | null>(null);
  /** The webhook whose delivery log is open, and the log. */
  protected readonly logOf = signal<string | null>(null);
  protected readonly log = signal<WebhookDeliveryView[]>([]);
  protected readonly busy = signal<string | null>(null);

  private readonly form = new EditForm<{ url?: string; events?: string }>();
  protected readonly editing = this.form.editing;
  protected readonly errors = this.form.errors;
  protected readonly formError = this.form.formError;
  protected readonly saving = this.form.saving;
  protected url = '';
  protected chosenEvents: WebhookEvent[] = [];
  protected office = '';

  constructor() {
    this.load();
  }

  private load(): void {
    loadInto(this.api.webhooks(), (list) => this.hooks.set(list), this.loading, this.notifier);
  }

  protected eventLabel(event: string): string {
    return this.i18n.t(`webhooks.event.${event}` as MessageKey);
  }

  protected statusLabel(status: WebhookDeliveryView['status']): string {
    return this.i18n.t(`deliveries.status.${status}` as MessageKey);
  }

  protected toggleEvent(event: WebhookEvent, on: boolean): void {
    this.chosenEvents = toggled(this.chosenEvents, event, on);
  }

  protected startCreate(): void {
    this.url = '';
    this.chosenEvents = [];
    this.office = '';
    this.fresh.set(null);
    this.form.open('');
  }

  protected cancel(): void {
    this.form.close();
  }

  protected save(): void {
    const url = this.url.trim();
    const missing: { url?: string; events?: string } = {};
    if (!/^https?:\/\/\S+$/i.test(url)) missing.url = this.i18n.t('webhooks.err.url');
    if (!this.chosenEvents.length) missing.events = this.i18n.t('webhooks.err.events');
    if (missing.url || missing.events) {
      this.errors.set(missing);
      return;
    }
    const events = this.events.filter((e) => this.chosenEvents.includes(e));
    this.form.submit(
      this.api.createWebhook({ url, events, ...(this.office ? { office: this.office } : {}) }),
      (created) => {
        this.fresh.set({ url, secret: created.secret });
        this.load();
      },
    );
  }

  protected dismissFresh(): void {
    this.fresh.set(null);
  }

  protected setActive(hook: WebhookView, active: boolean): void {
    this.busy.set(hook.id);
    this.api.setWebhookActive(hook.id, active).subscribe({
      next: (saved) => {
        this.busy.set(null);
        this.hooks.update((list) => list.map((h) => (h.id === saved.id ? saved : h)));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }

  protected remove(hook: WebhookView): void {
    this.removal(
      this.i18n.t('webhooks.deleteConfirm', { url: hook.url }),
      () => this.api.deleteWebhook(hook.id),
      () => {
        this.hooks.update((list) => list.filter((h) => h.id !== hook.id));
        if (this.logOf() === hook.id) this.logOf.set(null);
      },
      this.i18n.t('webhooks.deleted'),
    );
  }

  protected toggleLog(hook: WebhookView): void {
    if (this.logOf() === hook.id) {
      this.logOf.set(null);
      return;
    }
    this.logOf.set(hook.id);
    this.log.set([]);
    this.api.deliveries(hook.id).subscribe({
      next: (list) => this.log.set(list),
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected redeliver(delivery: WebhookDeliveryView): void {
    const hook = this.logOf();
    if (!hook) return;
    this.busy.set(delivery.id);
    this.api.redeliver(hook, delivery.id).subscribe({
      next: (saved) => {
        this.busy.set(null);
        this.log.update((list) => list.map((d) => (d.id === saved.id ? saved : d)));
        this.snackBar.open(this.i18n.t('deliveries.redelivered'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }
}
