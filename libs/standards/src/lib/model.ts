/**
 * The service-standard model (Standar Pelayanan, Permenpan RB 15/2014; SOP, Permenpan RB 35/2012).
 *
 * A catalog file (YAML, one per service) is a `ServiceStandard`. Steps name positions by code
 * from the office's position table (`OfficeDefinition.positions`), never people.
 */

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';
export type DurationBasis = 'working' | 'calendar';
export type StartsWhen = 'received' | 'complete' | null;

/** What the duration grammar reads out of "1 s.d 2 bulan", "2x24 jam", "7 Hari" ... */
export interface Duration {
  /** Target (lower bound of a range). */
  min: number;
  /** Limit (upper bound of a range; equal to `min` when not a range). */
  max: number;
  unit: DurationUnit;
  basis: DurationBasis;
  startsWhen: StartsWhen;
}

/** Channels a request can arrive through. */
export type Channel = 'letter' | 'email' | 'portal' | 'walk-in' | 'phone';
export const CHANNELS: readonly Channel[] = ['letter', 'email', 'portal', 'walk-in', 'phone'];

export type ComplaintChannelKind =
  'letter' | 'email' | 'phone' | 'fax' | 'website' | 'portal' | 'sp4n-lapor' | 'other';

export interface ComplaintChannel {
  kind: ComplaintChannelKind;
  /** Address, number, URL or description as published. */
  value: string;
}

/**
 * One line of the Persyaratan. A plain document has only `text`. A requirement that can be
 * met in more than one way (Tebing Tinggi: a letter or e-mail, or a visit in person with
 * identity and the guest book) lists `options`; any one option satisfies it.
 */
export interface Requirement {
  /** Stable key within the service (r1, r2 ...). */
  code: string;
  text: string;
  options?: RequirementOption[];
  /** Optional document: not needed to complete the checklist. */
  optional?: boolean;
}

export interface RequirementOption {
  label: string;
  channel?: Channel;
  /** Further channels the same option covers (a letter "atau email"). */
  alsoChannels?: Channel[];
  items: string[];
}

export interface Step {
  /** 1-based order as published. */
  order: number;
  description: string;
  /**
   * Position codes of the office's position table that take part, in the published order.
   * Who is responsible is `owner` (see `stepOwner`), not necessarily the first one named.
   */
  executors: string[];
  /**
   * The office position responsible for the step: it follows the step up and its clock runs.
   * Left out, it is read by `stepOwner`: the first executor of the office, or the requester's
   * side only when nobody else takes part.
   */
  owner?: string;
  /** Parties outside the position table who take part (Kementerian PAN-RB), as named. */
  participants?: string[];
  /**
   * A step after go-live (maintenance, evaluation): created with the ticket as a follow-up, but
   * it does not keep the request open and is not on the ticket's clock.
   */
  followUp?: boolean;
  /** Time standard as written ("1- 2 Jam", "7 Hari"), or null when the standard gives none. */
  time: string | null;
  /** Mutu baku: kelengkapan (inputs needed). */
  inputs: string[];
  /** Mutu baku: output. */
  output: string | null;
  /** Keterangan. */
  notes: string | null;
  /**
   * The step's cost as published ("Rp 0", "Gratis", "Rp 50.000"), when the SOP has a cost column;
   * a standard that publishes no total cost derives it from these (see `derived`).
   */
  cost?: string | null;
  /** Runs together with the previous step instead of after it. */
  parallelWithPrevious?: boolean;
}

/** The eight components that face inward ("manufacturing"). */
export interface InternalComponents {
  legalBasis: string[];
  facilities: string[];
  competencies: string[];
  supervision: string[];
  staffCount: string | null;
  serviceGuarantee: string | null;
  securityGuarantee: string | null;
  performanceEvaluation: string | null;
}

/** SOP header block (Permenpan RB 35/2012). */
export interface SopHeader {
  number: string | null;
  madeOn: string | null;
  revisedOn: string | null;
  effectiveOn: string | null;
  approvedBy: string | null;
  name: string | null;
  executorQualifications: string[];
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string[];
  /** The long title above the SOP table, as published. */
  title?: string | null;
  /** The issuing lines of the header (government, office, division). */
  issuedBy?: string[];
}

export interface ServiceTime {
  /** Total time as written ("3 Bulan", "1 s.d 2 bulan"). */
  text: string;
  /** A channel with its own total time (Tebing Tinggi: walk-in 30 minutes). */
  byChannel?: { channel: Channel; text: string }[];
}

export interface ServiceStandard {
  /** Slug, unique within the office. */
  code: string;
  /** Office code (riau, tebingtinggi, bali, gorontalo ...). */
  office: string;
  name: string;
  kind: 'standar-pelayanan' | 'sop';
  /** Decree (No. SK) or SOP number, when published. */
  decree: string | null;
  requirements: Requirement[];
  /** How the documents are submitted, when the standard says (Gorontalo: through the portal). */
  submissionNote?: string | null;
  steps: Step[];
  serviceTime: ServiceTime;
  /** When the ticket clock starts: at receipt, or when the checklist is complete. */
  clockStartsWhen: 'received' | 'complete';
  cost: { text: string; free: boolean };
  products: string[];
  complaintChannels: ComplaintChannel[];
  /** The complaint section as published, when it is prose rather than a list. */
  complaintNote?: string | null;
  /** How requests arrive (letter, e-mail, portal, walk-in ...), when the standard says. */
  intakeChannels?: Channel[];
  internal: InternalComponents;
  sop?: SopHeader | null;
  /**
   * Values the standard does not publish and that were computed from its steps (Bali's SOP has
   * no total time, cost, product or requirements list): shown as "dihitung dari langkah".
   */
  derived?: DerivedField[];
  /** Where the published text was ambiguous: the reading chosen. */
  readingNotes?: string[];
  /** Where the text came from (seed file, URL, office). */
  source?: string | null;
}

/** The components of a standard that may be derived from its steps rather than published. */
export type DerivedField = 'serviceTime' | 'cost' | 'products' | 'requirements';
export const DERIVED_FIELDS: readonly DerivedField[] = [
  'serviceTime',
  'cost',
  'products',
  'requirements',
];
/**
 * A working day's length in minutes where nothing better is known: Perpres 21/2023 gives 37.5
 * working hours over 5 days, 7.5 hours a day. Used to add step times written in hours to times
 * written in working days; an office with its own schedule passes its own length.
 */
export const CIVIL_SERVICE_WORKING_DAY_MINUTES = 450;

/** How a derived value is labelled wherever it is shown (never as published text). */
export const DERIVED_LABEL = 'dihitung dari langkah';

/** Whether a component of a standard was derived from its steps. */
export function isDerived(
  standard: Pick<ServiceStandard, 'derived'>,
  field: DerivedField,
): boolean {
  return standard.derived?.includes(field) ?? false;
}

/**
 * The position responsible for a step: the explicit `owner`, else the first executor that is not
 * on the requester's side (a step the OPD does with the office's team is still followed up by the
 * office), else the first executor (a step only the requester acts on).
 */
export function stepOwner(
  step: Pick<Step, 'owner' | 'executors'>,
  onRequesterSide: (code: string) => boolean,
): string {
  if (step.owner) return step.owner;
  return step.executors.find((e) => !onRequesterSide(e)) ?? step.executors[0] ?? '';
}

export interface PositionDefinition {
  /** Code used by steps (kadis, sekretaris, kabid-aptika, tim-teknis, helpdesk, opd-pemohon ...). */
  code: string;
  name: string;
  /** Code of the supervising position (Kasi -> Kabid -> Kepala Dinas); null at the top. */
  reportsTo: string | null;
  /** The requester's side (OPD pemohon): steps on it wait for the requester. */
  requesterSide?: boolean;
  /** Other names the published texts use for this position ("Kadis", "KASI AI", "Tim Teknis OPD"). */
  aliases?: string[];
}

export interface OfficeDefinition {
  code: string;
  name: string;
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
  /** ISO 3166-2 region for regional holidays (ID-RI, ID-BA, ID-GO ...). */
  region: string | null;
  ticketPrefix: string;
  address?: string | null;
  website?: string | null;
  helpdeskEmail?: string | null;
  positions: PositionDefinition[];
}
