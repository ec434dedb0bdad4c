import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  MailLocale,
  MailPreview,
  MailTemplateSummary,
  OfficeDetail,
  OpdView,
  Role,
  UserView,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

export interface CreateUserInput {
  email: string;
  name: string;
  roles: Role[];
  office: string | null;
  password: string;
  positions?: string[];
  locale?: 'id' | 'en';
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'email'>> & { active?: boolean };

export type InboundStatus =
  'quarantined' | 'triage' | 'released' | 'discarded' | 'processed' | 'third-party' | 'suspect';

/** One inbound message as `GET /api/v1/inbound/messages` lists it. */
export interface InboundMessageView {
  id: string;
  messageId: string;
  size: number;
  officeCode: string;
  fromAddress: string | null;
  subject: string | null;
  action: string;
  status: InboundStatus;
  ticketNumber: string | null;
  reason: string | null;
  parseError: string | null;
  /** JSON text: `{ text, html, attachments }` of the message. */
  summary: string | null;
  receivedAt: string;
  decidedAt: string | null;
}

/** The admin endpoints: users, OPDs, inbound quarantine and mail template previews. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  office(code: string): Observable<OfficeDetail> {
    return this.http.get<OfficeDetail>(`${BASE}/offices/${encodeURIComponent(code)}`);
  }

  users(office?: string): Observable<UserView[]> {
    return this.http.get<UserView[]>(`${BASE}/users`, { params: office ? { office } : {} });
  }

  createUser(body: CreateUserInput): Observable<UserView> {
    return this.http.post<UserView>(`${BASE}/users`, body);
  }

  updateUser(id: string, body: UpdateUserInput): Observable<UserView> {
    return this.http.patch<UserView>(`${BASE}/users/${encodeURIComponent(id)}`, body);
  }

  opds(office?: string): Observable<OpdView[]> {
    return this.http.get<OpdView[]>(`${BASE}/opds`, { params: office ? { office } : {} });
  }

  createOpd(body: { name: string; office: string; emailDomains: string[] }): Observable<OpdView> {
    return this.http.post<OpdView>(`${BASE}/opds`, body);
  }

  updateOpd(id: string, body: { name?: string; emailDomains?: string[] }): Observable<OpdView> {
    return this.http.patch<OpdView>(`${BASE}/opds/${encodeURIComponent(id)}`, body);
  }

  inbound(status: InboundStatus): Observable<InboundMessageView[]> {
    return this.http.get<InboundMessageView[]>(`${BASE}/inbound/messages`, {
      params: { status },
    });
  }

  decideInbound(id: string, decision: 'release' | 'discard'): Observable<InboundMessageView> {
    return this.http.post<InboundMessageView>(
      `${BASE}/inbound/messages/${encodeURIComponent(id)}/${decision}`,
      {},
    );
  }

  /** The message exactly as received (`.eml`), for download. */
  rawInbound(id: string): Observable<Blob> {
    return this.http.get(`${BASE}/inbound/messages/${encodeURIComponent(id)}/raw`, {
      responseType: 'blob',
    });
  }

  templates(): Observable<MailTemplateSummary[]> {
    return this.http.get<MailTemplateSummary[]>(`${BASE}/mail/templates`);
  }

  preview(name: string, locale: MailLocale): Observable<MailPreview> {
    return this.http.get<MailPreview>(
      `${BASE}/mail/templates/${encodeURIComponent(name)}/preview`,
      { params: { locale } },
    );
  }
}

/** Splits what a person typed ("a.go.id, b.go.id\nc.go.id") into trimmed, lower-case domains. */
export function parseDomains(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const domain = part.trim().toLowerCase().replace(/^@/, '');
    if (domain) seen.add(domain);
  }
  return [...seen];
}
