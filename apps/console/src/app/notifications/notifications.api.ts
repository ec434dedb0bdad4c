import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesInput,
  NotificationReadInput,
  NotificationReadResult,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

export const NOTIFICATIONS_URL = '/api/v1/notifications';

/** The signed-in user's own bell. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(limit = 20): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(NOTIFICATIONS_URL, { params: { limit } });
  }

  markRead(body: NotificationReadInput): Observable<NotificationReadResult> {
    return this.http.post<NotificationReadResult>(`${NOTIFICATIONS_URL}/read`, body);
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(`${NOTIFICATIONS_URL}/preferences`);
  }

  savePreferences(body: NotificationPreferencesInput): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(`${NOTIFICATIONS_URL}/preferences`, body);
  }
}
