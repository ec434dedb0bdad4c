import { HttpBackend, HttpClient, HttpEvent, HttpHeaders } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import {
  PORTAL_CSRF_COOKIE,
  PORTAL_CSRF_HEADER,
  type PortalAnswerRequest,
  type PortalLinkResponse,
  type PortalMe,
  type PortalOpenRequest,
  type PortalRequestDetail,
  type PortalRequestSummary,
  type PortalServiceView,
  type PortalTrackingView,
} from '@sigap/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

const BASE = '/api/v1/portal';

/** The CSRF token the session cookie came with (readable cookie, repeated in a header). */
export function csrfFromCookie(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === PORTAL_CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Calls of the requester portal. They go straight to the HTTP backend, past the agent console's
 * interceptors: no bearer token is attached, and a 401 here means "sign in to the portal", not
 * "the agent's session ended". Changes carry the portal's CSRF header.
 */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = new HttpClient(inject(HttpBackend));
  /** The signed-in requester, once known. */
  readonly me = signal<PortalMe | null>(null);

  private headers(): HttpHeaders {
    const token = csrfFromCookie(document.cookie) ?? this.me()?.csrfToken ?? '';
    return new HttpHeaders({ [PORTAL_CSRF_HEADER]: token });
  }

  requestLink(email: string): Promise<PortalLinkResponse> {
    return firstValueFrom(this.http.post<PortalLinkResponse>(`${BASE}/auth/link`, { email }));
  }

  async signIn(token: string): Promise<PortalMe> {
    const me = await firstValueFrom(this.http.post<PortalMe>(`${BASE}/auth/session`, { token }));
    this.me.set(me);
    return me;
  }

  async loadMe(): Promise<PortalMe> {
    const me = await firstValueFrom(this.http.get<PortalMe>(`${BASE}/me`));
    this.me.set(me);
    return me;
  }

  async signOut(): Promise<void> {
    await firstValueFrom(
      this.http.post<void>(`${BASE}/auth/logout`, null, { headers: this.headers() }),
    );
    this.me.set(null);
  }

  services(): Promise<PortalServiceView[]> {
    return firstValueFrom(this.http.get<PortalServiceView[]>(`${BASE}/services`));
  }

  list(): Promise<PortalRequestSummary[]> {
    return firstValueFrom(this.http.get<PortalRequestSummary[]>(`${BASE}/requests`));
  }

  detail(number: string): Promise<PortalRequestDetail> {
    return firstValueFrom(
      this.http.get<PortalRequestDetail>(`${BASE}/requests/${encodeURIComponent(number)}`),
    );
  }

  open(body: PortalOpenRequest): Promise<PortalRequestDetail> {
    return firstValueFrom(
      this.http.post<PortalRequestDetail>(`${BASE}/requests`, body, { headers: this.headers() }),
    );
  }

  /** One document against a checklist line, with upload progress events. */
  upload(number: string, item: string, file: File): Observable<HttpEvent<PortalRequestDetail>> {
    const form = new FormData();
    form.append('item', item);
    form.append('file', file, file.name);
    return this.http.post<PortalRequestDetail>(
      `${BASE}/requests/${encodeURIComponent(number)}/attachments`,
      form,
      { headers: this.headers(), reportProgress: true, observe: 'events' },
    );
  }

  answer(number: string, body: PortalAnswerRequest): Promise<PortalRequestDetail> {
    return firstValueFrom(
      this.http.post<PortalRequestDetail>(
        `${BASE}/requests/${encodeURIComponent(number)}/answers`,
        body,
        { headers: this.headers() },
      ),
    );
  }

  track(token: string): Promise<PortalTrackingView> {
    return firstValueFrom(
      this.http.get<PortalTrackingView>(`${BASE}/track/${encodeURIComponent(token)}`),
    );
  }
}
