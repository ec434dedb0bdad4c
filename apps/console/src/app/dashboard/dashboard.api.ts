import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AtRiskResponse,
  BacklogResponse,
  ChangeDashboardResponse,
  ComplianceGroup,
  ComplianceLevel,
  ComplianceResponse,
  DashboardFilter,
  DashboardTable,
  FirstResponseResponse,
  IkmDashboardResponse,
  IncidentDashboardResponse,
  OpdView,
  ServiceSummary,
  StepBottlenecksResponse,
  WorkloadResponse,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

export interface ComplianceOptions {
  level: ComplianceLevel;
  by: ComplianceGroup;
}

function paramsOf(values: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '')
      params = params.set(key, String(value));
  return params;
}

/** The dashboard endpoints (`/api/v1/dashboards/...`) and the lists its filters offer. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  compliance(filter: DashboardFilter, options: ComplianceOptions): Observable<ComplianceResponse> {
    return this.http.get<ComplianceResponse>(`${BASE}/dashboards/compliance`, {
      params: paramsOf({ ...filter, ...options }),
    });
  }

  steps(filter: DashboardFilter): Observable<StepBottlenecksResponse> {
    return this.http.get<StepBottlenecksResponse>(`${BASE}/dashboards/steps`, {
      params: paramsOf(filter),
    });
  }

  backlog(filter: DashboardFilter): Observable<BacklogResponse> {
    return this.http.get<BacklogResponse>(`${BASE}/dashboards/backlog`, {
      params: paramsOf(filter),
    });
  }

  atRisk(filter: DashboardFilter): Observable<AtRiskResponse> {
    return this.http.get<AtRiskResponse>(`${BASE}/dashboards/at-risk`, {
      params: paramsOf(filter),
    });
  }

  firstResponse(filter: DashboardFilter): Observable<FirstResponseResponse> {
    return this.http.get<FirstResponseResponse>(`${BASE}/dashboards/first-response`, {
      params: paramsOf(filter),
    });
  }

  workload(filter: DashboardFilter): Observable<WorkloadResponse> {
    return this.http.get<WorkloadResponse>(`${BASE}/dashboards/workload`, {
      params: paramsOf(filter),
    });
  }

  incidents(filter: DashboardFilter): Observable<IncidentDashboardResponse> {
    return this.http.get<IncidentDashboardResponse>(`${BASE}/dashboards/incidents`, {
      params: paramsOf(filter),
    });
  }

  changes(filter: DashboardFilter): Observable<ChangeDashboardResponse> {
    return this.http.get<ChangeDashboardResponse>(`${BASE}/dashboards/changes`, {
      params: paramsOf(filter),
    });
  }

  ikm(filter: DashboardFilter): Observable<IkmDashboardResponse> {
    return this.http.get<IkmDashboardResponse>(`${BASE}/dashboards/ikm`, {
      params: paramsOf(filter),
    });
  }

  /** One table as a file (the token goes with the request, so it is fetched, not linked). */
  export(
    table: DashboardTable,
    format: 'csv' | 'xlsx',
    filter: DashboardFilter,
    extra: Partial<ComplianceOptions> = {},
  ): Observable<Blob> {
    return this.http.get(`${BASE}/dashboards/${table}/export`, {
      params: paramsOf({ ...filter, ...extra, format }),
      responseType: 'blob',
    });
  }

  services(office: string): Observable<ServiceSummary[]> {
    return this.http.get<ServiceSummary[]>(`${BASE}/catalog/services`, { params: { office } });
  }

  opds(office: string): Observable<OpdView[]> {
    return this.http.get<OpdView[]>(`${BASE}/opds`, { params: { office } });
  }
}
