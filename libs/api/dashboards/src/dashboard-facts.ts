// The dashboards' facts: one row per closed ticket and per completed step, from which every
// rollup is derived.

export interface TicketFact {
  ticket_id: string;
  office_code: string;
  month: number;
  service_code: string;
  opd_id: string;
  assignee_id: string;
  outcome: string;
  elapsed_min: number;
  target_min: number;
  bucket: number;
  fr_outcome: string | null;
  fr_min: number | null;
  fr_bucket: number | null;
  stopped_at: Date | string;
}

export interface StepFact {
  step_id: string;
  ticket_id: string;
  office_code: string;
  month: number;
  service_code: string;
  opd_id: string;
  step_order: number;
  position_code: string;
  holder_id: string;
  outcome: string;
  elapsed_min: number;
  target_min: number;
  time_text: string | null;
  bucket: number;
  stopped_at: Date | string;
}

/** Runs one statement in the refresh's transaction. */
export type Run = (sql: string, params?: unknown[]) => Promise<unknown>;
export type FactTable = 'dash_ticket_facts' | 'dash_step_facts';

/** A fact row as read back or about to be written (column -> value). */
export type FactRow = Record<string, unknown>;
