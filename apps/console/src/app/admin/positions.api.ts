import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePositionRequest,
  PositionAdminView,
  PositionHoldersView,
  PositionView,
  UpdatePositionRequest,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/positions';

/** Positions of an office and who holds them. */
@Injectable({ providedIn: 'root' })
export class PositionsApi {
  private readonly http = inject(HttpClient);

  list(office: string): Observable<PositionView[]> {
    return this.http.get<PositionView[]>(BASE, { params: { office } });
  }

  create(body: CreatePositionRequest): Observable<PositionAdminView> {
    return this.http.post<PositionAdminView>(BASE, body);
  }

  update(id: string, body: UpdatePositionRequest): Observable<PositionAdminView> {
    return this.http.patch<PositionAdminView>(`${BASE}/${encodeURIComponent(id)}`, body);
  }

  retire(id: string): Observable<PositionAdminView> {
    return this.http.post<PositionAdminView>(`${BASE}/${encodeURIComponent(id)}/retire`, {});
  }

  setHolders(positionId: string, userIds: string[]): Observable<PositionHoldersView> {
    return this.http.put<PositionHoldersView>(`${BASE}/${encodeURIComponent(positionId)}/holders`, {
      userIds,
    });
  }
}
