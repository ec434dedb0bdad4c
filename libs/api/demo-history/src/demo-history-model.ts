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
  /** Days of history before `until`. */
  days: number;
}

/**
 * The default: enough for every chart and for the IKM's respondents (Bali's manager sees more
 * than 50 closed requests and 30 questionnaires), small enough to start within a minute.
 */
export const DEFAULT_VOLUME: DemoHistoryVolume = { requests: 78, complaints: 14, days: 365 };

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
