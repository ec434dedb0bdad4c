import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateOfficeRequest,
  OfficeAdminView,
  OfficeSummary,
  TimeZoneOption,
  UpdateOfficeRequest,
} from '@sigap/contracts';
import { shareReplay, tap, type Observable } from 'rxjs';
import { CatalogApi } from '../catalog/catalog.api';

const BASE = '/api/v1/offices';

/** Offices as admins manage them: create, edit, retire. */
@Injectable({ providedIn: 'root' })
export class OfficesApi {
  private readonly http = inject(HttpClient);
  private readonly catalog = inject(CatalogApi);
  private zones: Observable<TimeZoneOption[]> | null = null;

  /** Every office, the retired ones too (admins). */
  list(): Observable<OfficeSummary[]> {
    return this.http.get<OfficeSummary[]>(BASE, { params: { include: 'retired' } });
  }

  get(code: string): Observable<OfficeAdminView> {
    return this.http.get<OfficeAdminView>(`${BASE}/${encodeURIComponent(code)}/admin`);
  }

  /** WIB, WITA and WIT first, then every other IANA zone (fetched once). */
  timeZones(): Observable<TimeZoneOption[]> {
    this.zones ??= this.http
      .get<TimeZoneOption[]>(`${BASE}/time-zones`)
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.zones;
  }

  create(body: CreateOfficeRequest): Observable<OfficeAdminView> {
    return this.http
      .post<OfficeAdminView>(BASE, body)
      .pipe(tap(() => this.catalog.forgetOffices()));
  }

  update(code: string, body: UpdateOfficeRequest): Observable<OfficeAdminView> {
    return this.http
      .patch<OfficeAdminView>(`${BASE}/${encodeURIComponent(code)}`, body)
      .pipe(tap(() => this.catalog.forgetOffices()));
  }

  retire(code: string): Observable<OfficeAdminView> {
    return this.http
      .post<OfficeAdminView>(`${BASE}/${encodeURIComponent(code)}/retire`, {})
      .pipe(tap(() => this.catalog.forgetOffices()));
  }
}
