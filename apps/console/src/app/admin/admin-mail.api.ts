import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  MailboxInput,
  MailboxTestResult,
  MailboxView,
  OutboxItemView,
  OutboxMessageView,
  OutboxPageView,
  OutboxChannelView,
  OutboxStatusView,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/admin';

export interface OutboxFilter {
  channel?: OutboxChannelView;
  status?: OutboxStatusView | '';
  kind?: string;
  ticket?: string;
  recipient?: string;
  cursor?: string | null;
  limit?: number;
}

/** The admin endpoints of mail: IMAP mailboxes and the outbox. */
@Injectable({ providedIn: 'root' })
export class AdminMailApi {
  private readonly http = inject(HttpClient);

  mailboxes(): Observable<MailboxView[]> {
    return this.http.get<MailboxView[]>(`${BASE}/mailboxes`);
  }

  createMailbox(body: MailboxInput): Observable<MailboxView> {
    return this.http.post<MailboxView>(`${BASE}/mailboxes`, body);
  }

  updateMailbox(
    id: string,
    body: Partial<MailboxInput> & { expectedVersion: number },
  ): Observable<MailboxView> {
    return this.http.patch<MailboxView>(`${BASE}/mailboxes/${encodeURIComponent(id)}`, body);
  }

  setMailboxEnabled(
    id: string,
    enabled: boolean,
    expectedVersion: number,
  ): Observable<MailboxView> {
    return this.http.post<MailboxView>(
      `${BASE}/mailboxes/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`,
      { expectedVersion },
    );
  }

  /** Gives the messages held after failing every attempt one more try. */
  releaseHeldMessages(id: string): Observable<MailboxView> {
    return this.http.post<MailboxView>(
      `${BASE}/mailboxes/${encodeURIComponent(id)}/release-held`,
      {},
    );
  }

  /** Has the held messages deleted from the mailbox (by its poller, at its next round). */
  discardHeldMessages(id: string): Observable<MailboxView> {
    return this.http.post<MailboxView>(
      `${BASE}/mailboxes/${encodeURIComponent(id)}/discard-held`,
      {},
    );
  }

  testMailbox(id: string): Observable<MailboxTestResult> {
    return this.http.post<MailboxTestResult>(
      `${BASE}/mailboxes/${encodeURIComponent(id)}/test`,
      {},
    );
  }

  outbox(filter: OutboxFilter): Observable<OutboxPageView> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value).trim());
      }
    }
    return this.http.get<OutboxPageView>(`${BASE}/outbox`, { params });
  }

  outboxMessage(id: string): Observable<OutboxMessageView> {
    return this.http.get<OutboxMessageView>(`${BASE}/outbox/${encodeURIComponent(id)}`);
  }

  retry(id: string): Observable<OutboxItemView> {
    return this.http.post<OutboxItemView>(`${BASE}/outbox/${encodeURIComponent(id)}/retry`, {});
  }
}
