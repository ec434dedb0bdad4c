import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddTicketLinkRequest,
  MergePreview,
  MergeTicketRequest,
  TicketLinksView,
  IncidentPriority,
  TicketKind,
  AttachmentView,
  OpdView,
  OpenTicketRequest,
  StepCandidateView,
  TicketAssigneeView,
  TicketDetail,
  TicketPage,
  TimelineEntryView,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';

/** Filters of `GET /api/v1/tickets` the console uses. */
export interface TicketQuery {
  office?: string;
  status?: string;
  open?: 'true' | 'false';
  service?: string;
  /** `true`: tickets opened from e-mail still without a service. */
  triage?: 'true' | 'false';
  /** `complaint`: pengaduan, saran and masukan; `incident`: gangguan; `request`: requests. */
  kind?: TicketKind;
  /** An incident priority (P1-P4). */
  priority?: IncidentPriority;
  opd?: string;
  assignee?: string;
  sla?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** A state change: the path after `/tickets/{number}/` and its body (without the version). */
export type TicketActionPath =
  | 'assign'
  | 'return-to-requester'
  | 'requester-answered'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'service'
  | 'reject-request'
  | 'notes'
  | 'replies'
  | `checklist/${string}/${'receive' | 'verify' | 'reject'}`
  | `steps/${number}/${'complete' | 'assign'}`;

/** The tickets endpoints; every action carries the version the agent saw (`expectedVersion`). */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  list(query: TicketQuery): Observable<TicketPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '')
        params = params.set(key, String(value));
    }
    return this.http.get<TicketPage>(`${BASE}/tickets`, { params });
  }

  get(number: string): Observable<TicketDetail> {
    return this.http.get<TicketDetail>(`${BASE}/tickets/${encodeURIComponent(number)}`);
  }

  timeline(number: string): Observable<TimelineEntryView[]> {
    return this.http.get<TimelineEntryView[]>(
      `${BASE}/tickets/${encodeURIComponent(number)}/timeline`,
    );
  }

  open(request: OpenTicketRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${BASE}/tickets`, request);
  }

  act(
    number: string,
    path: TicketActionPath,
    expectedVersion: number,
    body: Record<string, unknown> = {},
  ): Observable<unknown> {
    return this.http.post(`${BASE}/tickets/${encodeURIComponent(number)}/${path}`, {
      ...body,
      expectedVersion,
    });
  }

  /** Accepts (as the requester's reply) or dismisses mail held on the ticket from a third party. */
  decideThirdPartyMail(
    number: string,
    id: string,
    decision: 'accept' | 'dismiss',
  ): Observable<unknown> {
    return this.http.post(
      `${BASE}/tickets/${encodeURIComponent(number)}/third-party-mail/${encodeURIComponent(id)}/${decision}`,
      {},
    );
  }

  /** Holders of a step's position who may take it, with their open steps. */
  candidates(number: string, order: number): Observable<StepCandidateView[]> {
    return this.http.get<StepCandidateView[]>(
      `${BASE}/tickets/${encodeURIComponent(number)}/steps/${order}/candidates`,
    );
  }

  /** Uploads one file to the ticket, reporting upload progress events as they come. */
  upload(number: string, file: File): Observable<HttpEvent<AttachmentView>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AttachmentView>(
      `${BASE}/tickets/${encodeURIComponent(number)}/attachments`,
      form,
      { reportProgress: true, observe: 'events' },
    );
  }

  /** The files kept on the ticket, oldest first. */
  attachments(number: string): Observable<AttachmentView[]> {
    return this.http.get<AttachmentView[]>(
      `${BASE}/tickets/${encodeURIComponent(number)}/attachments`,
    );
  }

  /** One attachment's bytes (the API's download address needs the signed-in user's token). */
  attachmentFile(attachment: AttachmentView): Observable<Blob> {
    return this.http.get(`${BASE}/attachments/${encodeURIComponent(attachment.id)}`, {
      responseType: 'blob',
    });
  }

  /** The office's active helpdesk agents a ticket can be given to, least loaded first. */
  assignees(office: string): Observable<TicketAssigneeView[]> {
    return this.http.get<TicketAssigneeView[]>(`${BASE}/tickets/assignees`, {
      params: { office },
    });
  }

  opds(office: string): Observable<OpdView[]> {
    return this.http.get<OpdView[]>(`${BASE}/opds`, { params: { office } });
  }

  /** What merging `number` into `target` would move, or why it is refused. */
  mergePreview(number: string, target: string): Observable<MergePreview> {
    return this.http.get<MergePreview>(`${BASE}/tickets/${encodeURIComponent(number)}/merge`, {
      params: new HttpParams().set('target', target),
    });
  }

  merge(number: string, request: MergeTicketRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(
      `${BASE}/tickets/${encodeURIComponent(number)}/merge`,
      request,
    );
  }

  links(number: string): Observable<TicketLinksView> {
    return this.http.get<TicketLinksView>(`${BASE}/tickets/${encodeURIComponent(number)}/links`);
  }

  addLink(number: string, request: AddTicketLinkRequest): Observable<TicketLinksView> {
    return this.http.post<TicketLinksView>(
      `${BASE}/tickets/${encodeURIComponent(number)}/links`,
      request,
    );
  }

  removeLink(number: string, id: string): Observable<TicketLinksView> {
    return this.http.delete<TicketLinksView>(
      `${BASE}/tickets/${encodeURIComponent(number)}/links/${encodeURIComponent(id)}`,
    );
  }
}
