import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeIncidentPriorityRequest,
  CreateItServiceRequest,
  IncidentView,
  ItServiceView,
  OpenIncidentRequest,
  PriorityMatrixRequest,
  PriorityMatrixView,
  TicketDetail,
  TriageToIncidentRequest,
  UpdateItServiceRequest,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

/** IT services of an office, its incident priority matrix, and incidents. */
@Injectable({ providedIn: 'root' })
export class ItServicesApi {
  private readonly http = inject(HttpClient);

  list(office: string, includeRetired = false): Observable<ItServiceView[]> {
    const params: Record<string, string> = { office };
    if (includeRetired) params['includeRetired'] = 'true';
    return this.http.get<ItServiceView[]>(`${BASE}/it-services`, { params });
  }

  create(body: CreateItServiceRequest): Observable<ItServiceView> {
    return this.http.post<ItServiceView>(`${BASE}/it-services`, body);
  }

  update(id: string, body: UpdateItServiceRequest): Observable<ItServiceView> {
    return this.http.put<ItServiceView>(`${BASE}/it-services/${encodeURIComponent(id)}`, body);
  }

  retire(id: string): Observable<ItServiceView> {
    return this.http.post<ItServiceView>(
      `${BASE}/it-services/${encodeURIComponent(id)}/retire`,
      {},
    );
  }

  matrix(office: string): Observable<PriorityMatrixView> {
    return this.http.get<PriorityMatrixView>(
      `${BASE}/priority-matrix/${encodeURIComponent(office)}`,
    );
  }

  saveMatrix(office: string, body: PriorityMatrixRequest): Observable<PriorityMatrixView> {
    return this.http.put<PriorityMatrixView>(
      `${BASE}/priority-matrix/${encodeURIComponent(office)}`,
      body,
    );
  }

  openIncident(body: OpenIncidentRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${BASE}/incidents`, body);
  }

  incident(number: string): Observable<IncidentView> {
    return this.http.get<IncidentView>(`${BASE}/incidents/${encodeURIComponent(number)}`);
  }

  fromTriage(number: string, body: TriageToIncidentRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(
      `${BASE}/incidents/from-triage/${encodeURIComponent(number)}`,
      body,
    );
  }

  changePriority(number: string, body: ChangeIncidentPriorityRequest): Observable<TicketDetail> {
    return this.http.put<TicketDetail>(
      `${BASE}/incidents/${encodeURIComponent(number)}/priority`,
      body,
    );
  }
}
