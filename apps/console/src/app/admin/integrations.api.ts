import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApiTokenView,
  CreateApiTokenRequest,
  CreatedApiToken,
  CreatedWebhook,
  CreateWebhookRequest,
  WebhookDeliveryView,
  WebhookView,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

/** API tokens and webhooks, for administrators. */
@Injectable({ providedIn: 'root' })
export class IntegrationsApi {
  private readonly http = inject(HttpClient);

  tokens(): Observable<ApiTokenView[]> {
    return this.http.get<ApiTokenView[]>(`${BASE}/api-tokens`);
  }

  createToken(body: CreateApiTokenRequest): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>(`${BASE}/api-tokens`, body);
  }

  revokeToken(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/api-tokens/${encodeURIComponent(id)}`);
  }

  webhooks(): Observable<WebhookView[]> {
    return this.http.get<WebhookView[]>(`${BASE}/webhooks`);
  }

  createWebhook(body: CreateWebhookRequest): Observable<CreatedWebhook> {
    return this.http.post<CreatedWebhook>(`${BASE}/webhooks`, body);
  }

  setWebhookActive(id: string, active: boolean): Observable<WebhookView> {
    return this.http.patch<WebhookView>(`${BASE}/webhooks/${encodeURIComponent(id)}`, { active });
  }

  deleteWebhook(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/webhooks/${encodeURIComponent(id)}`);
  }

  deliveries(id: string): Observable<WebhookDeliveryView[]> {
    return this.http.get<WebhookDeliveryView[]>(
      `${BASE}/webhooks/${encodeURIComponent(id)}/deliveries`,
    );
  }

  redeliver(id: string, delivery: string): Observable<WebhookDeliveryView> {
    return this.http.post<WebhookDeliveryView>(
      `${BASE}/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(delivery)}/redeliver`,
      {},
    );
  }
}
