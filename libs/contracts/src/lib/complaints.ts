/**
 * Complaints (pengaduan, saran dan masukan): a ticket of kind `complaint`, answered within
 * 5 working days in the office's calendar, optionally about another ticket of the same office,
 * and optionally forwarded to SP4N-LAPOR!.
 */

/**
 * A service request, a complaint or an incident (gangguan); dashboards and the queue tell them
 * apart by this. Later kinds (changes) join the list.
 */
export type TicketKind = 'request' | 'complaint' | 'incident' | 'change';
export const TICKET_KINDS: readonly TicketKind[] = ['request', 'complaint', 'incident', 'change'];

export type ComplaintCategory = 'pengaduan' | 'saran' | 'masukan';
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ['pengaduan', 'saran', 'masukan'];

/** Where a complaint came from. */
export type ComplaintSource = 'public' | 'portal' | 'email' | 'agent' | 'lapor';

/** `out`: the office forwarded the complaint to SP4N-LAPOR!; `in`: it came in from SP4N-LAPOR!. */
export type LaporDirection = 'out' | 'in';

/**
 * How a reporter on SP4N-LAPOR! chose to appear: `named`; `anonymous` (no identity at all); or
 * `confidential` (rahasia: known to LAPOR!, never passed on). Only a named reporter's name and
 * address are kept.
 */
export type LaporReporterPrivacy = 'named' | 'anonymous' | 'confidential';

/** Working days after the office's follow-up without a reply after which LAPOR! closes a report. */
export const LAPOR_CLOSE_WORKING_DAYS = 10;

/** The answer time of a complaint (Permenpan RB 62/2018, SP4N-LAPOR!: 5 working days). */
export const COMPLAINT_ANSWER_TIME = '5 Hari';

/**
 * A complaint tier an office publishes (e.g. Purbalingga's four tiers of 5, 5, 14 and 60 working
 * days), with its own answer time in working days of the office calendar.
 */
export interface ComplaintTier {
  /** Short code, lower case (`ringan`, `tingkat-1`). */
  code: string;
  name: string;
  description: string | null;
  /** Answer time in working days (1-365). */
  workingDays: number;
}

/** The tier every complaint has unless an agent picks one of the office's own: SP4N-LAPOR!'s. */
export const DEFAULT_COMPLAINT_TIER: ComplaintTier = {
  code: 'sp4n-lapor',
  name: 'Standar SP4N-LAPOR!',
  description: 'Tindak lanjut pengaduan paling lambat 5 hari kerja (SP4N-LAPOR!).',
  workingDays: 5,
};

/** The most tiers an office may publish. */
export const MAX_COMPLAINT_TIERS = 12;

/** `GET /api/v1/complaint-tiers/{office}` and `PUT` (admins): the office's tiers, in order. */
export interface ComplaintTierList {
  office: string;
  /** The office's own tiers; empty when it publishes none. */
  tiers: ComplaintTier[];
  /** The tier used when none is picked. */
  default: ComplaintTier;
}

export interface ComplaintTierListRequest {
  tiers: ComplaintTier[];
}

/** Number prefix marker of complaints: `ADU` + the office's ticket prefix (`ADUBALI-2026-000001`). */
export const COMPLAINT_NUMBER_MARKER = 'ADU';

/** `POST /api/v1/public/complaints` (no sign-in) and the portal's complaint form. */
export interface FileComplaintRequest {
  office: string;
  /** Catalog code of the service the complaint is about, when any. */
  service?: string | null;
  category: ComplaintCategory;
  name: string;
  email: string;
  phone?: string | null;
  text: string;
  /** The number of the ticket the complaint is about (same office), when any. */
  relatedTicket?: string | null;
  /** Left empty by people; a filled value marks an automated submission. */
  website?: string;
}

/** What the person filing learns: the number and when the answer is due. */
export interface FileComplaintResponse {
  number: string;
  category: ComplaintCategory;
  office: string;
  /** The answer is due by this instant (the tier's working days in the office calendar). */
  dueAt: string | null;
  /** The tier the answer time follows. */
  tier: { code: string; name: string; workingDays: number };
  /** The office's time zone, to show `dueAt` in local time. */
  timeZone: string;
  /** The public tracking page on this site (`/lacak/…`): the link the acknowledgement mail carries. */
  trackPath: string;
}

/** `GET /api/v1/complaints/{number}`: the complaint's own facts, for agents. */
export interface ComplaintView {
  number: string;
  office: string;
  category: ComplaintCategory;
  source: ComplaintSource;
  relatedTicket: string | null;
  service: string | null;
  /** The tier the answer time follows, as it was when the complaint was filed. */
  tier: { code: string; name: string; workingDays: number };
  lapor: {
    /** A LAPOR! connection is configured (forwarding possible). */
    available: boolean;
    trackingId: string | null;
    status: string | null;
    forwardedAt: string | null;
    syncedAt: string | null;
    /** Forwarded by the office (`out`), came in from LAPOR! (`in`), or never there (null). */
    direction: LaporDirection | null;
    /** A report from LAPOR!: how its reporter appears; null otherwise. */
    reporter: LaporReporterPrivacy | null;
    /** After the office's follow-up: when LAPOR! closes the report without a reply. */
    closesAt: string | null;
  };
}

/** `POST /api/v1/complaints/{number}/lapor/pull`: answers added to the timeline. */
export interface LaporPullResponse {
  complaint: ComplaintView;
  added: number;
}

/** Why `POST /api/v1/lapor/pull` did not run a beat: no connection, one running, another instance's turn. */
export type LaporBeatSkipReason = 'unavailable' | 'busy' | 'lease-held';

/** `POST /api/v1/lapor/pull` when no beat ran. */
export interface LaporBeatSkipped {
  ran: false;
  reason: LaporBeatSkipReason;
}

/** `POST /api/v1/lapor/pull` after a beat: what it brought. */
export interface LaporBeatRan {
  ran: true;
  /** Tracked complaints pulled, and those whose pull failed. */
  pulled: number;
  failed: number;
  /** Answers and replies added to the timelines. */
  added: number;
  /** Reports that came in as new complaints, and those for no office here. */
  created: number;
  ignored: number;
  /** Reports closed 10 working days after the follow-up without a reply. */
  closed: number;
}

/** `POST /api/v1/lapor/pull`: one SP4N-LAPOR! beat, or why none ran. */
export type LaporBeatResponse = LaporBeatSkipped | LaporBeatRan;

/** `POST /api/v1/lapor/stand-in/scenarios`: the report the stand-in made or acted on. */
export interface LaporScenarioResponse {
  /** The report's tracking id at SP4N-LAPOR! (null when the scenario makes none, e.g. an outage). */
  trackingId: string | null;
}
