import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { OfficeSummary } from '@sigap/contracts';
import { RouterLink } from '@angular/router';
import { catchError, of } from 'rxjs';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { ZonedDatePipe } from '../shared/zoned-date';
import { AdminApi, type InboundMessageView, type InboundStatus } from './admin.api';

/** The readable part of an inbound message's stored summary (its quote-stripped text). */
export function summaryText(message: Pick<InboundMessageView, 'summary'>): string {
  if (!message.summary) return '';
  try {
    const parsed = JSON.parse(message.summary) as { bodyText?: unknown };
    return typeof parsed.bodyText === 'string' ? parsed.bodyText : '';
  } catch {
    return '';
  }
}

/** Why the message was held, in words; a reason the console does not know stays as written. */
export const QUARANTINE_REASONS: Readonly<Record<string, MessageKey>> = {
  'unknown-sender': 'admin.quarantine.reason.unknown-sender',
  'no-sender': 'admin.quarantine.reason.no-sender',
};

/**
 * `/admin/karantina`: inbound e-mail from unknown senders, waiting for an admin to release it
 * (a triage ticket is opened; an agent then chooses its service) or to discard it.
 */
@Component({
  selector: 'sg-quarantine-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ZonedDatePipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  templateUrl: './quarantine.page.html',
  styleUrl: './admin.scss',
})
export class QuarantinePage {
  private readonly api = inject(AdminApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly statuses: InboundStatus[] = [
    'quarantined',
    'released',
    'discarded',
    'suspect',
  ];
  protected readonly status = signal<InboundStatus>('quarantined');
  protected readonly messages = signal<InboundMessageView[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly text = summaryText;
  private readonly offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );

  /** Time zone of the office the message was addressed to. */
  protected zoneOf(office: string): string {
    return this.offices().find((o) => o.code === office)?.timeZone ?? 'Asia/Jakarta';
  }

  protected reason(reason: string): string {
    const key = QUARANTINE_REASONS[reason];
    return key ? this.i18n.t(key) : reason;
  }

  constructor() {
    this.load();
  }

  protected statusKey(status: InboundStatus): MessageKey {
    return `admin.quarantine.status.${status}` as MessageKey;
  }

  protected show(status: InboundStatus): void {
    this.status.set(status);
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.api.inbound(this.status()).subscribe({
      next: (list) => {
        this.messages.set(list);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }

  /** Saves the message exactly as it arrived (`<id>.eml`), from wherever the server keeps it. */
  protected downloadRaw(message: InboundMessageView): void {
    this.api.rawInbound(message.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `${message.id}.eml`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected decide(message: InboundMessageView, decision: 'release' | 'discard'): void {
    this.busy.set(message.id);
    this.api.decideInbound(message.id, decision).subscribe({
      next: (decided) => {
        this.busy.set(null);
        this.messages.update((list) => list.filter((m) => m.id !== decided.id));
        const key =
          decision === 'release' ? 'admin.quarantine.released' : 'admin.quarantine.discarded';
        this.snackBar.open(this.i18n.t(key), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }
}
