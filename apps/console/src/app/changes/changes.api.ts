import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeApprovalPolicyRequest,
  ChangeApprovalPolicyView,
  ChangeCalendarEntry,
  ChangeView,
  ImplementChangeRequest,
  OpenChangeRequest,
  OpenChangeResponse,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';
import { zoneOffsetMinutes } from '../shared/zoned-date';

const BASE = '/api/v1/changes';

/** Changes: opening, approvals, the outcome, the calendar and the approval policy. */
@Injectable({ providedIn: 'root' })
export class ChangesApi {
  private readonly http = inject(HttpClient);

  open(body: OpenChangeRequest): Observable<OpenChangeResponse> {
    return this.http.post<OpenChangeResponse>(BASE, body);
  }

  get(number: string): Observable<ChangeView> {
    return this.http.get<ChangeView>(`${BASE}/${encodeURIComponent(number)}`);
  }

  decide(
    number: string,
    order: number,
    how: 'approve' | 'reject',
    body: { reason?: string | null; expectedVersion: number },
  ): Observable<ChangeView> {
    return this.http.post<ChangeView>(
      `${BASE}/${encodeURIComponent(number)}/approvals/${order}/${how}`,
      body,
    );
  }

  implement(
    number: string,
    body: ImplementChangeRequest & { expectedVersion: number },
  ): Observable<ChangeView> {
    return this.http.post<ChangeView>(`${BASE}/${encodeURIComponent(number)}/implement`, body);
  }

  review(number: string, body: { note: string; expectedVersion: number }): Observable<ChangeView> {
    return this.http.post<ChangeView>(`${BASE}/${encodeURIComponent(number)}/review`, body);
  }

  withdraw(
    number: string,
    body: { reason: string; expectedVersion: number },
  ): Observable<ChangeView> {
    return this.http.post<ChangeView>(`${BASE}/${encodeURIComponent(number)}/withdraw`, body);
  }

  close(number: string, expectedVersion: number): Observable<ChangeView> {
    return this.http.post<ChangeView>(`${BASE}/${encodeURIComponent(number)}/close`, {
      expectedVersion,
    });
  }

  linkIncidents(
    number: string,
    incidents: string[],
    expectedVersion: number,
  ): Observable<ChangeView> {
    return this.http.put<ChangeView>(`${BASE}/${encodeURIComponent(number)}/incidents`, {
      incidents,
      expectedVersion,
    });
  }

  calendar(office: string, from: string, to: string): Observable<ChangeCalendarEntry[]> {
    return this.http.get<ChangeCalendarEntry[]>(`${BASE}/calendar`, {
      params: { office, from, to },
    });
  }

  policy(office: string): Observable<ChangeApprovalPolicyView> {
    return this.http.get<ChangeApprovalPolicyView>(
      `${BASE}/approval-policy/${encodeURIComponent(office)}`,
    );
  }

  savePolicy(
    office: string,
    body: ChangeApprovalPolicyRequest,
  ): Observable<ChangeApprovalPolicyView> {
    return this.http.put<ChangeApprovalPolicyView>(
      `${BASE}/approval-policy/${encodeURIComponent(office)}`,
      body,
    );
  }
}

/**
 * The instant a `datetime-local` value ("2026-12-12T22:00") names on the office's wall clock;
 * null when it is not one.
 */
export function wallClockToIso(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const guess = Date.parse(`${local}:00Z`);
  if (Number.isNaN(guess)) return null;
  const first = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  // Near a zone's change of offset the first guess may sit on the other side: settle once more.
  const settled = guess - zoneOffsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(settled).toISOString();
}
