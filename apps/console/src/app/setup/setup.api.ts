import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SetupStatus, TestMailResult } from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/setup';

/** The first-run set-up: what is missing, and a test message through the mail transport. */
@Injectable({ providedIn: 'root' })
export class SetupApi {
  private readonly http = inject(HttpClient);

  status(): Observable<SetupStatus> {
    return this.http.get<SetupStatus>(BASE);
  }

  testMail(to: string): Observable<TestMailResult> {
    return this.http.post<TestMailResult>(`${BASE}/test-mail`, { to });
  }
}
