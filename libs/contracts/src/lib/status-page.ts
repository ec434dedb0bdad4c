/**
 * The public status page (`/status-layanan`, `GET /api/v1/public/status?office=`): the IT
 * services an office chose to show, their state now from ongoing incidents, and the last 90
 * days. Plain words only: no ticket numbers, people, positions or internal notes.
 */
import type { IncidentPriority, ItServiceKind } from './incidents';

/** Normal; gangguan sebagian (worst ongoing incident P3 or P4); gangguan besar (P1 or P2). */
export type ServiceHealth = 'normal' | 'partial' | 'major';
export const SERVICE_HEALTHS: readonly ServiceHealth[] = ['normal', 'partial', 'major'];

/** The state an ongoing incident of this priority puts its services in. */
export function healthOfPriority(priority: IncidentPriority): Exclude<ServiceHealth, 'normal'> {
  return priority === 'P1' || priority === 'P2' ? 'major' : 'partial';
}

/** The worse of two states. */
export function worseHealth(a: ServiceHealth, b: ServiceHealth): ServiceHealth {
  return SERVICE_HEALTHS.indexOf(a) >= SERVICE_HEALTHS.indexOf(b) ? a : b;
}

/** Days of history shown per service, today included. */
export const STATUS_HISTORY_DAYS = 90;

export interface PublicStatusIncident {
  /** The helpdesk's public title, or "Gangguan <service>". */
  title: string;
  /** The helpdesk's public summary, or "Sedang ditangani". */
  summary: string;
  state: Exclude<ServiceHealth, 'normal'>;
  /** When it was reported (ISO instant). */
  since: string;
}

/** One office-local day of a service's history: the worst state it was in that day. */
export interface PublicStatusDay {
  /** `YYYY-MM-DD` in the office's zone. */
  date: string;
  state: ServiceHealth;
}

export interface PublicServiceStatus {
  code: string;
  name: string;
  kind: ItServiceKind;
  state: ServiceHealth;
  incidents: PublicStatusIncident[];
  /** Oldest first, `STATUS_HISTORY_DAYS` days ending today. */
  history: PublicStatusDay[];
}

export interface PublicStatusResponse {
  office: { code: string; name: string; timeZone: string; zone: string };
  /** The worst state of the services shown. */
  state: ServiceHealth;
  services: PublicServiceStatus[];
  generatedAt: string;
}
