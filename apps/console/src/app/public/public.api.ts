import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  FileComplaintRequest,
  FileComplaintResponse,
  PublicOffice,
  PublicOfficeDetail,
  PublicServiceDetail,
  PublicStatusResponse,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/public';

/** The public (no sign-in) endpoints: service standards, the status page, the complaint form. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  offices(): Observable<PublicOffice[]> {
    return this.http.get<PublicOffice[]>(`${BASE}/offices`);
  }

  office(code: string): Observable<PublicOfficeDetail> {
    return this.http.get<PublicOfficeDetail>(`${BASE}/offices/${encodeURIComponent(code)}`);
  }

  service(office: string, code: string): Observable<PublicServiceDetail> {
    return this.http.get<PublicServiceDetail>(
      `${BASE}/offices/${encodeURIComponent(office)}/services/${encodeURIComponent(code)}`,
    );
  }

  /** The office's IT services status page. */
  status(office: string): Observable<PublicStatusResponse> {
    return this.http.get<PublicStatusResponse>(`${BASE}/status`, { params: { office } });
  }

  fileComplaint(body: FileComplaintRequest): Observable<FileComplaintResponse> {
    return this.http.post<FileComplaintResponse>(`${BASE}/complaints`, body);
  }
}
