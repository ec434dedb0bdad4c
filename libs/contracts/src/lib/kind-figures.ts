/**
 * `GET /api/v1/dashboards/kinds`: every kind of ticket (request, complaint, incident, change)
 * per period: received (office-local month of receipt), finished with a stopped clock
 * (office-local month the clock stopped) and how they ended against their time; and the
 * channels the tickets received in the range came in by.
 */
import type { TicketKind } from './complaints';
import type { DashboardMeta } from './dashboards';
import type { TicketChannel } from './tickets';

export interface KindFigureRow {
  kind: TicketKind;
  /** A period key (`2026-10`, `2026-Q4`, `2026`) or `all`. */
  period: string;
  received: number;
  /** Finished with a stopped clock in the period. */
  finished: number;
  met: number;
  metLate: number;
  breached: number;
  /** (met + metLate) / finished; null without any. */
  withinLimitShare: number | null;
  /** Received in the period and still open now. */
  open: number;
}

export interface ChannelFigureRow {
  channel: TicketChannel;
  /** Tickets received in the range by this channel, per kind and together. */
  request: number;
  complaint: number;
  incident: number;
  change: number;
  total: number;
}

export interface KindDashboardResponse extends DashboardMeta {
  /** Per kind, every period of the range, oldest first. */
  rows: KindFigureRow[];
  /** Per kind, the whole range (period `all`). */
  totals: KindFigureRow[];
  /** Every channel, always all five. */
  channels: ChannelFigureRow[];
}

/** The channels the figures list, in this order. */
export const FIGURE_CHANNELS: readonly TicketChannel[] = [
  'portal',
  'email',
  'phone',
  'walk-in',
  'letter',
];
