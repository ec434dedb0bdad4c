import type { Duration } from '@sigap/standards';

/** Closure layers: the SKB (national), the province, the office itself. */
export type CalendarLayer = 'national' | 'province' | 'office';
export type CalendarClosureType =
  'libur-nasional' | 'cuti-bersama' | 'libur-daerah' | 'penutupan-kantor';
export type CalendarWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** One stretch of working time, local `HH:MM`, end exclusive. */
export interface WorkInterval {
  start: string;
  end: string;
}

export type WeekSchedule = Partial<Record<CalendarWeekday, WorkInterval[]>>;

/** A dated week (e.g. Ramadan), `from` and `to` inclusive local dates. */
export interface WeekVariant {
  name: string;
  from: string;
  to: string;
  week: WeekSchedule;
  /**
   * False: proposed (seeded from a circular not yet checked) and shown, but the normal week
   * applies until an admin confirms it
   * (`POST /api/v1/calendars/{office}/variants/{from}/confirm`). Absent or true: in force.
   */
  confirmed?: boolean;
  /** Where the hours and dates come from (a circular, a decree), as an admin checks them. */
  source?: string;
}

/** A day (or part of a day) closed, as stored. */
export interface CalendarClosure {
  id: string;
  layer: CalendarLayer;
  /** Region (ID-BA ...) for the province layer, office code for the office layer, null for national. */
  scope: string | null;
  date: string;
  name: string;
  type: CalendarClosureType;
  source: string;
  /** Part-day closure (local `HH:MM`); both null for the whole day. */
  from: string | null;
  to: string | null;
  /** Pre-filled from the date-holidays package: to be checked against the decree. */
  prefilled: boolean;
  /**
   * False: announced but not yet checked against its decree; shown, but not counted in working
   * time until an admin confirms it (`POST /api/v1/calendars/closures/{id}/confirm`).
   */
  confirmed: boolean;
  updatedAt: string;
}

/** `GET /api/v1/calendars/{office}?year=2026`. */
export interface OfficeCalendarView {
  office: string;
  officeName: string;
  region: string | null;
  timeZone: string;
  /** WIB, WITA or WIT. */
  zoneAbbreviation: string;
  /** Fingerprint of the layered calendar in force; send it back as `expectedVersion`. */
  version: string;
  week: WeekSchedule;
  variants: WeekVariant[];
  year: number;
  /** Closures of the year from all three layers, by date. */
  closures: CalendarClosure[];
  /** Whether the signed-in user may edit the office's schedule and closures. */
  canEdit: boolean;
  /** Whether the signed-in user may edit the national and province layers (admins). */
  canEditShared: boolean;
}

/** `PUT /api/v1/calendars/{office}/schedule`. */
export interface UpdateScheduleRequest {
  week: WeekSchedule;
  variants?: WeekVariant[];
  expectedVersion: string;
}

/** `POST .../closures` body; `PATCH /api/v1/calendars/closures/{id}` takes any subset. */
export interface ClosureInput {
  date: string;
  name: string;
  type: CalendarClosureType;
  source: string;
  from?: string | null;
  to?: string | null;
  prefilled?: boolean;
}

/** `POST /api/v1/calendars/national/prefill?year=2027`. */
export interface PrefillResult {
  year: number;
  added: CalendarClosure[];
  /** Dates left alone because a closure already exists there. */
  skipped: { date: string; name: string; reason: string }[];
}

/** `POST /api/v1/sla/preview`. */
export interface SlaPreviewRequest {
  office: string;
  /** ISO 8601 instant; without an offset it is read in the office's zone. */
  start: string;
  /** As written in a standard ("7 hari", "1 s.d 2 bulan") or already parsed. */
  duration: string | Duration;
}

export interface SkippedClosure {
  date: string;
  name: string;
  layer: CalendarLayer;
  type: CalendarClosureType;
}

export interface SlaPreviewBreakdown {
  /** The start as used (moved to office time), ISO 8601 with the office's offset. */
  start: string;
  duration: Duration;
  /** Working days after the start's day up to and including the target's day. */
  workingDays: number;
  /** Working minutes from the start to the target. */
  workingMinutes: number;
  /** Closures between the start and the limit that the count passed over. */
  closuresSkipped: SkippedClosure[];
  calendarVersion: string;
  timeZone: string;
  zoneAbbreviation: string;
}

export interface SlaPreviewResponse {
  /** ISO 8601 with the office's offset, e.g. `2026-03-25T16:00:00+07:00`. */
  target: string;
  /** Equal to `target` unless the duration is a range. */
  limit: string;
  breakdown: SlaPreviewBreakdown;
}

/** `POST /api/v1/sla/preview/service`. */
export interface ServicePreviewRequest {
  office: string;
  code: string;
  /** Defaults to now. */
  start?: string;
  /** A channel with its own total time (walk-in ...). */
  channel?: string;
}

export interface ServicePreviewItem {
  text: string | null;
  /** Null when the text gives no time or cannot be read (see `problem`). */
  target: string | null;
  limit: string | null;
  /** Why there is no due date. */
  problem: string | null;
}

export interface ServicePreviewStep extends ServicePreviewItem {
  order: number;
  /** When this step is counted from (the previous step's target). */
  start: string;
}

export interface ServicePreviewResponse {
  office: string;
  code: string;
  version: number;
  start: string;
  channel: string | null;
  total: ServicePreviewItem;
  /** Steps run one after another: each step starts at the previous step's target. */
  steps: ServicePreviewStep[];
  /** States the chaining rule above in Bahasa Indonesia. */
  note: string;
  calendarVersion: string;
  timeZone: string;
  zoneAbbreviation: string;
}
