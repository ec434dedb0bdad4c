import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateImprovementActionRequest,
  CreateReviewRequest,
  ImprovementActionDetail,
  ImprovementActionOwnerOptions,
  ImprovementActionStatus,
  ImprovementActionView,
  ReviewFiguresSnapshot,
  ReviewView,
  UpdateImprovementActionRequest,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1';
const enc = encodeURIComponent;

/** Filters of the improvement actions list. */
export interface ActionFilter {
  status: ImprovementActionStatus | null;
  overdue: boolean;
}

/** Periodic service reviews and their improvement actions. */
@Injectable({ providedIn: 'root' })
export class ReviewsApi {
  private readonly http = inject(HttpClient);

  reviews(office: string): Observable<ReviewView[]> {
    return this.http.get<ReviewView[]>(`${BASE}/reviews`, { params: { office } });
  }

  figures(office: string, from: string, to: string): Observable<ReviewFiguresSnapshot> {
    return this.http.get<ReviewFiguresSnapshot>(`${BASE}/reviews/figures`, {
      params: { office, from, to },
    });
  }

  createReview(body: CreateReviewRequest): Observable<ReviewView> {
    return this.http.post<ReviewView>(`${BASE}/reviews`, body);
  }

  actions(office: string, filter: ActionFilter): Observable<ImprovementActionView[]> {
    const params: Record<string, string> = { office };
    if (filter.status) params['status'] = filter.status;
    if (filter.overdue) params['overdue'] = 'true';
    return this.http.get<ImprovementActionView[]>(`${BASE}/improvement-actions`, { params });
  }

  owners(office: string): Observable<ImprovementActionOwnerOptions> {
    return this.http.get<ImprovementActionOwnerOptions>(`${BASE}/improvement-actions/owners`, {
      params: { office },
    });
  }

  createAction(body: CreateImprovementActionRequest): Observable<ImprovementActionDetail> {
    return this.http.post<ImprovementActionDetail>(`${BASE}/improvement-actions`, body);
  }

  updateAction(
    id: string,
    body: UpdateImprovementActionRequest,
  ): Observable<ImprovementActionDetail> {
    return this.http.put<ImprovementActionDetail>(`${BASE}/improvement-actions/${enc(id)}`, body);
  }
}
