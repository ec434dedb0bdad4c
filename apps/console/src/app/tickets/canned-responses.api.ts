import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CannedResponseInput, CannedResponseView } from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/canned-responses';

/** The canned responses of an office. */
@Injectable({ providedIn: 'root' })
export class CannedResponsesApi {
  private readonly http = inject(HttpClient);

  list(office: string): Observable<CannedResponseView[]> {
    return this.http.get<CannedResponseView[]>(BASE, { params: { office } });
  }

  create(body: CannedResponseInput): Observable<CannedResponseView> {
    return this.http.post<CannedResponseView>(BASE, body);
  }

  update(id: string, body: { title?: string; body?: string }): Observable<CannedResponseView> {
    return this.http.patch<CannedResponseView>(`${BASE}/${encodeURIComponent(id)}`, body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`);
  }
}
