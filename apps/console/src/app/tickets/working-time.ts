import { Injectable, inject } from '@angular/core';
import type { WorkCalendar } from '@sigap/sla';
import { Observable, catchError, map, of, shareReplay } from 'rxjs';
import { CalendarsApi } from '../calendars/calendars.api';
import { compileOfficeCalendar } from './countdown';

/**
 * Office calendars for the countdowns: fetched once per office and year, compiled with the SLA
 * library, shared by the queue and the workspace. A calendar that cannot be loaded or compiled
 * gives null, and the countdowns keep the API's figures.
 */
@Injectable({ providedIn: 'root' })
export class WorkingTime {
  private readonly api = inject(CalendarsApi);
  private readonly cache = new Map<string, Observable<WorkCalendar | null>>();

  calendar(office: string, year = new Date().getUTCFullYear()): Observable<WorkCalendar | null> {
    const key = `${office}/${year}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.api.calendar(office, year).pipe(
        map((view) => compileOfficeCalendar(view)),
        catchError(() => {
          this.cache.delete(key);
          return of(null);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(key, entry);
    }
    return entry;
  }
}
