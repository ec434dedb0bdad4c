import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ProblemDetail,
  ProblemRequest,
  ProblemStatus,
  ProblemView,
  TicketDetail,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';
const enc = encodeURIComponent;

/** Major incidents (links, updates), root causes and problem records. */
@Injectable({ providedIn: 'root' })
export class ProblemsApi {
  private readonly http = inject(HttpClient);

  list(office: string, status: ProblemStatus | null = null): Observable<ProblemView[]> {
    const params: Record<string, string> = { office };
    if (status) params['status'] = status;
    return this.http.get<ProblemView[]>(`${BASE}/problems`, { params });
  }

  get(id: string): Observable<ProblemDetail> {
    return this.http.get<ProblemDetail>(`${BASE}/problems/${enc(id)}`);
  }

  create(body: ProblemRequest): Observable<ProblemView> {
    return this.http.post<ProblemView>(`${BASE}/problems`, body);
  }

  update(id: string, body: Omit<ProblemRequest, 'office'>): Observable<ProblemView> {
    return this.http.put<ProblemView>(`${BASE}/problems/${enc(id)}`, body);
  }

  linkIncident(id: string, incident: string): Observable<ProblemDetail> {
    return this.http.post<ProblemDetail>(`${BASE}/problems/${enc(id)}/incidents`, { incident });
  }

  unlinkIncident(id: string, incident: string): Observable<ProblemDetail> {
    return this.http.delete<ProblemDetail>(
      `${BASE}/problems/${enc(id)}/incidents/${enc(incident)}`,
    );
  }

  linkChildren(parent: string, children: string[], version: number): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${BASE}/incidents/${enc(parent)}/children`, {
      children,
      expectedVersion: version,
    });
  }

  unlinkChild(parent: string, child: string, version: number): Observable<TicketDetail> {
    return this.http.delete<TicketDetail>(
      `${BASE}/incidents/${enc(parent)}/children/${enc(child)}`,
      { headers: { 'If-Match': String(version) } },
    );
  }

  postUpdate(parent: string, body: string, version: number): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${BASE}/incidents/${enc(parent)}/updates`, {
      body,
      expectedVersion: version,
    });
  }

  rootCause(number: string, rootCause: string | null, version: number): Observable<TicketDetail> {
    return this.http.put<TicketDetail>(`${BASE}/incidents/${enc(number)}/root-cause`, {
      rootCause,
      expectedVersion: version,
    });
  }
}
