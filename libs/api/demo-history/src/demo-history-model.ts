// The shapes of the demo history: how much to make, what a generation reports, and the office
// and request records a generation carries along.
import type { TicketDetail } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import type { Channel } from '@sigap/standards';

/** How much history, per office. */
export interface DemoHistoryVolume {
  /** Requests opened over the period, per office. */
  requests: number;
  /** Complaints, suggestions and feedback over the period, per office. */
  complaints: number;
  /**
   * Ordinary IT incidents over the period, per office; each office also gets a major incident
   * with its linked reports, the recurring incidents of a problem, one caused by a failed change
   * and a few still open today.
   */
  incidents: number;
  /** Changes over the period, per office, besides the few planned in the coming weeks. */
  changes: number;
  /** Days of history before `until`. */
  days: number;
}

/**
 * The default: enough for every chart and for the IKM's respondents (Bali's manager sees more
 * than 50 closed requests and 30 questionnaires), small enough to start within a minute.
 */
export const DEFAULT_VOLUME: DemoHistoryVolume = {
  requests: 78,
  complaints: 14,
  incidents: 16,
  changes: 8,
  days: 365,
};

export interface DemoHistoryOptions {
  seed: number;
  volume?: Partial<DemoHistoryVolume>;
  /** The end of the history (default: now). */
  until?: Date;
}

export interface DemoHistorySummary {
  seed: number;
  requests: number;
  closed: number;
  returned: number;
  complaints: number;
  complaintsAnswered: number;
  surveys: number;
  incidents: number;
  /** Incidents resolved (a major incident's reports resolved with it count too). */
  incidentsResolved: number;
  majorIncidents: number;
  /** Reports linked to a major incident. */
  linkedReports: number;
  problems: number;
  changes: number;
  /** Changes carried out (successful or not). */
  changesImplemented: number;
  /** Changes carried out that failed or were rolled back. */
  changesFailed: number;
  actions: number;
  seconds: number;
  /** Processor seconds of this process during the generation (the rest is waiting). */
  cpuSeconds: number;
  /** Milliseconds spent per kind of domain action (where the time goes). */
  timing: Record<string, number>;
}

export interface OfficeContext {
  code: string;
  service: string;
  offsetMs: number;
  helpdesk: AuthUser;
  contacts: { id: string; email: string }[];
  /** The office's active IT services, in code order. */
  itServices: DemoItService[];
  /** How well this office serves (moves the survey scores). */
  quality: number;
}

export interface RequestCase {
  office: OfficeContext;
  contact: { id: string; email: string };
  channel: Channel;
  /** How quickly this ticket moves against its time standards (1 = exactly on target). */
  pace: number;
  returned: boolean;
  detail: TicketDetail | null;
  rejected: string | null;
}

/** An IT service of a demo office, as the incidents and changes of the history name it. */
export interface DemoItService {
  code: string;
  name: string;
  kind: string;
  supportHours: '24x7' | 'office';
  publicStatus: boolean;
}
