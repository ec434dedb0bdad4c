import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type WritableSignal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  OUTBOX_CHANNELS,
  type OutboxChannelView,
  type OutboxItemView,
  type OutboxMessageView,
  type OutboxStatusView,
} from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { TextFieldComponent, type TextFieldSpec } from '../shared/text-field.component';
import { ZonedDatePipe } from '../shared/zoned-date';
import { AdminMailApi } from './admin-mail.api';

/**
 * `/admin/kotak-keluar`: every message Sigap queued (e-mail, or answers and status for
 * SP4N-LAPOR!), newest first, filtered by status, kind, ticket and recipient, with a reader (headers, text, and the sanitised HTML in a sandboxed
 * frame: no scripts, no forms, no same-origin access) and "send again" for failed ones.
 */
@Component({
  selector: 'sg-outbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    TextFieldComponent,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  templateUrl: './outbox.page.html',
  styleUrl: './admin.scss',
})
export class OutboxPage {
  private readonly api = inject(AdminMailApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly sanitizer = inject(DomSanitizer);

  protected readonly channels = OUTBOX_CHANNELS;
  protected readonly channel = signal<OutboxChannelView>('mail');
  protected readonly statuses: OutboxStatusView[] = ['pending', 'sent', 'failed'];
  protected readonly status = signal<OutboxStatusView | ''>('');
  protected readonly kind = signal('');
  protected readonly ticket = signal('');
  protected readonly recipient = signal('');
  /** The free-text filters, each with the signal it fills. */
  protected readonly textFilters: readonly {
    spec: TextFieldSpec;
    value: WritableSignal<string>;
  }[] = [
    { spec: { label: 'admin.outbox.kind', maxlength: 60, test: 'filter-kind' }, value: this.kind },
    {
      spec: { label: 'admin.outbox.ticket', maxlength: 40, test: 'filter-ticket' },
      value: this.ticket,
    },
    {
      spec: {
        label: 'admin.outbox.recipient',
        type: 'email',
        maxlength: 320,
        test: 'filter-recipient',
      },
      value: this.recipient,
    },
  ];

  protected readonly items = signal<OutboxItemView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly reading = signal<OutboxMessageView | null>(null);
  /** The zone instants are shown in (the outbox spans offices). */
  protected readonly zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';

  /** The HTML part, already sanitised by the API, for a sandboxed `srcdoc` frame. */
  protected readonly frameHtml = computed<SafeHtml | null>(() => {
    const html = this.reading()?.html;
    return html ? this.sanitizer.bypassSecurityTrustHtml(html) : null;
  });

  constructor() {
    this.load(false);
  }

  protected channelKey(channel: OutboxChannelView): MessageKey {
    return `admin.outbox.channel.${channel}` as MessageKey;
  }

  protected statusKey(status: OutboxStatusView | ''): MessageKey {
    return (status ? `admin.outbox.status.${status}` : 'admin.outbox.status.any') as MessageKey;
  }

  protected sourceKey(source: OutboxMessageView['source']): MessageKey {
    return `admin.outbox.source.${source}` as MessageKey;
  }

  /** A file size for people: bytes, KB or MB (1024-based), in the console's language. */
  protected sizeLabel(bytes: number): string {
    const locale = this.i18n.locale() === 'en' ? 'en-US' : 'id-ID';
    const format = (n: number, unit: string) =>
      `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
    if (bytes < 1024) return format(bytes, 'B');
    if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
    return format(bytes / (1024 * 1024), 'MB');
  }

  protected apply(): void {
    this.reading.set(null);
    this.load(false);
  }

  protected more(): void {
    this.load(true);
  }

  private load(append: boolean): void {
    this.loading.set(true);
    this.api
      .outbox({
        channel: this.channel(),
        status: this.status(),
        kind: this.kind(),
        ticket: this.ticket(),
        recipient: this.recipient(),
        cursor: append ? this.nextCursor() : null,
      })
      .subscribe({
        next: (page) => {
          this.items.update((list) => (append ? [...list, ...page.items] : page.items));
          this.nextCursor.set(page.nextCursor);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.notifier.show(e);
        },
      });
  }

  protected read(item: OutboxItemView): void {
    this.busy.set(item.id);
    this.api.outboxMessage(item.id).subscribe({
      next: (message) => {
        this.busy.set(null);
        this.reading.set(message);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }

  protected retry(item: OutboxItemView): void {
    this.busy.set(item.id);
    this.api.retry(item.id).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.items.update((list) => list.map((i) => (i.id === updated.id ? updated : i)));
        this.snackBar.open(this.i18n.t('admin.outbox.retried'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }
}
