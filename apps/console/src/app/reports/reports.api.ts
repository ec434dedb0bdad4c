import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EvaluationReportQuery, EvidencePackQuery, OfficeSigner } from '@sigap/contracts';
import type { Observable } from 'rxjs';

/** The printable reports (`/api/v1/reports/...`). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** The evaluation report as a PDF file, with its headers (for the file name). */
  evaluation(query: EvaluationReportQuery): Observable<HttpResponse<Blob>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get('/api/v1/reports/evaluation', {
      params,
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The SPBE evidence pack as a PDF or XLSX file, with its headers (for the file name). */
  evidencePack(query: EvidencePackQuery): Observable<HttpResponse<Blob>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get('/api/v1/reports/evidence-pack', {
      params,
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The head of office who signs the report (admins, and the office's managers). */
  signer(office: string): Observable<OfficeSigner> {
    return this.http.get<OfficeSigner>(`/api/v1/offices/${encodeURIComponent(office)}/signer`);
  }

  /** Sets the signer (admins); empty values clear a field. */
  saveSigner(office: string, signer: OfficeSigner): Observable<OfficeSigner> {
    return this.http.put<OfficeSigner>(
      `/api/v1/offices/${encodeURIComponent(office)}/signer`,
      signer,
    );
  }
}
