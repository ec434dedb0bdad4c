import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SurveySubmission, SurveySubmitted, SurveyView } from '@sigap/contracts';
import type { Observable } from 'rxjs';

/** The public survey endpoints (no sign-in); the token is the link's last path segment. */
@Injectable({ providedIn: 'root' })
export class SurveyApi {
  private readonly http = inject(HttpClient);

  view(token: string): Observable<SurveyView> {
    return this.http.get<SurveyView>(`/api/v1/survey/${encodeURIComponent(token)}`);
  }

  submit(token: string, body: SurveySubmission): Observable<SurveySubmitted> {
    return this.http.post<SurveySubmitted>(`/api/v1/survey/${encodeURIComponent(token)}`, body);
  }
}
