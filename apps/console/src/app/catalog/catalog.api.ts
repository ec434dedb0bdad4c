import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ImportResult,
  OfficeDetail,
  OfficeSummary,
  ServiceDetail,
  ServiceSummary,
  SlaPreviewRequest,
  SlaPreviewResponse,
} from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { Observable, shareReplay } from 'rxjs';

export type ImportFormat = 'text' | 'markdown' | 'html';

/** Content-Type sent with the raw text for each import format. */
export const IMPORT_CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * Body of `POST /api/v1/catalog/services`. The contracts define no wrapper for creation, so the
 * console sends the standard itself (office, code and all); the answer is the saved version.
 */
export type CreateServiceRequest = ServiceStandard;

const BASE = '/api/v1';

/** The catalog endpoints of the API, typed with the shared contracts. */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);
  private officesCache: Observable<OfficeSummary[]> | null = null;

  /** Offices rarely change during a visit: fetched once and shared. */
  offices(): Observable<OfficeSummary[]> {
    // shareReplay resets on error, so a failed load is requested again by the next subscriber.
    this.officesCache ??= this.http
      .get<OfficeSummary[]>(`${BASE}/offices`)
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.officesCache;
  }

  /** Drops the shared office list (an office was created, edited or retired). */
  forgetOffices(): void {
    this.officesCache = null;
  }

  services(office: string): Observable<ServiceSummary[]> {
    return this.http.get<ServiceSummary[]>(`${BASE}/catalog/services`, { params: { office } });
  }

  service(office: string, code: string, version?: number | null): Observable<ServiceDetail> {
    const path = `${BASE}/catalog/services/${encodeURIComponent(office)}/${encodeURIComponent(code)}`;
    return this.http.get<ServiceDetail>(version ? `${path}/versions/${version}` : path);
  }

  /**
   * Sends the pasted text as the raw body, with the Content-Type of its format; with `office`,
   * the steps' executors are matched to that office's positions.
   */
  importText(text: string, format: ImportFormat, office?: string | null): Observable<ImportResult> {
    const headers = new HttpHeaders({ 'Content-Type': IMPORT_CONTENT_TYPES[format] });
    return this.http.post<ImportResult>(`${BASE}/catalog/import`, text, {
      headers,
      ...(office ? { params: { office } } : {}),
    });
  }

  create(standard: CreateServiceRequest): Observable<ServiceDetail> {
    return this.http.post<ServiceDetail>(`${BASE}/catalog/services`, standard);
  }

  /** Saves an edited standard as a new version; 409 when someone saved another one first. */
  update(standard: ServiceStandard, expectedVersion: number): Observable<ServiceDetail> {
    const path = `${BASE}/catalog/services/${encodeURIComponent(standard.office)}/${encodeURIComponent(standard.code)}`;
    return this.http.put<ServiceDetail>(path, { expectedVersion, standard });
  }

  /** The office with its positions (the executors a step may name). */
  office(code: string): Observable<OfficeDetail> {
    return this.http.get<OfficeDetail>(`${BASE}/offices/${encodeURIComponent(code)}`);
  }

  /** Target and limit of one written time from `start`, in the office calendar. */
  previewTime(request: SlaPreviewRequest): Observable<SlaPreviewResponse> {
    return this.http.post<SlaPreviewResponse>(`${BASE}/sla/preview`, request);
  }
}
