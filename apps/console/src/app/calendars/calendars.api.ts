import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarClosure,
  CalendarLayer,
  ClosureInput,
  OfficeCalendarView,
  PrefillResult,
  ServicePreviewRequest,
  ServicePreviewResponse,
  UpdateScheduleRequest,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

/** Where a new closure goes: the national layer, a province (by region) or the office. */
export interface ClosureTarget {
  layer: CalendarLayer;
  /** Region (ID-BA) for a province, office code for the office; ignored for national. */
  scope: string | null;
}

/** The calendars and SLA preview endpoints, typed with the shared contracts. */
@Injectable({ providedIn: 'root' })
export class CalendarsApi {
  private readonly http = inject(HttpClient);

  calendar(office: string, year?: number): Observable<OfficeCalendarView> {
    return this.http.get<OfficeCalendarView>(`${BASE}/calendars/${encodeURIComponent(office)}`, {
      params: year ? { year } : {},
    });
  }

  updateSchedule(office: string, body: UpdateScheduleRequest): Observable<OfficeCalendarView> {
    return this.http.put<OfficeCalendarView>(
      `${BASE}/calendars/${encodeURIComponent(office)}/schedule`,
      body,
    );
  }

  createClosure(
    target: ClosureTarget,
    body: ClosureInput,
    year: number,
  ): Observable<CalendarClosure> {
    return this.http.post<CalendarClosure>(`${closuresPath(target)}`, body, { params: { year } });
  }

  updateClosure(id: string, body: Partial<ClosureInput>): Observable<CalendarClosure> {
    return this.http.patch<CalendarClosure>(
      `${BASE}/calendars/closures/${encodeURIComponent(id)}`,
      body,
    );
  }

  /** Admin: puts a closure into force (`true`) or takes it out again (`false`). */
  setConfirmed(id: string, confirmed: boolean): Observable<CalendarClosure> {
    const action = confirmed ? 'confirm' : 'unconfirm';
    return this.http.post<CalendarClosure>(
      `${BASE}/calendars/closures/${encodeURIComponent(id)}/${action}`,
      null,
    );
  }

  /** Admin: puts a dated schedule (named by its first day) into force, or takes it out again. */
  setVariantConfirmed(
    office: string,
    from: string,
    confirmed: boolean,
  ): Observable<OfficeCalendarView> {
    const action = confirmed ? 'confirm' : 'unconfirm';
    return this.http.post<OfficeCalendarView>(
      `${BASE}/calendars/${encodeURIComponent(office)}/variants/${encodeURIComponent(from)}/${action}`,
      null,
    );
  }

  deleteClosure(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/calendars/closures/${encodeURIComponent(id)}`);
  }

  prefillNational(year: number): Observable<PrefillResult> {
    return this.http.post<PrefillResult>(`${BASE}/calendars/national/prefill`, null, {
      params: { year },
    });
  }

  previewService(body: ServicePreviewRequest): Observable<ServicePreviewResponse> {
    return this.http.post<ServicePreviewResponse>(`${BASE}/sla/preview/service`, body);
  }
}

function closuresPath(target: ClosureTarget): string {
  switch (target.layer) {
    case 'national':
      return `${BASE}/calendars/national/closures`;
    case 'province':
      return `${BASE}/calendars/province/${encodeURIComponent(target.scope ?? '')}/closures`;
    default:
      return `${BASE}/calendars/${encodeURIComponent(target.scope ?? '')}/closures`;
  }
}
