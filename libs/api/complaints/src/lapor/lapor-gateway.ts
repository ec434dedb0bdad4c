/**
 * SP4N-LAPOR! (the national complaint system) behind an interface, both ways: forward a
 * complaint and pull its status and answers back; take the reports LAPOR! dispositions to the
 * office, with their files, and send the office's answers and status changes back. Its API
 * documentation sits behind an agency developer login, so the HTTP client follows the common
 * shape (bearer token, JSON) and is off until configured; tests use the in-memory stand-in.
 */
import type { LaporReporterPrivacy } from '@sigap/contracts';

/** What is sent when a complaint is forwarded. */
export interface LaporSubmission {
  /** Our complaint number (their reference back to us). */
  reference: string;
  category: 'pengaduan' | 'saran' | 'masukan';
  title: string;
  text: string;
  agency: { code: string; name: string };
  reporter: { name: string; email: string | null };
  submittedAt: string;
}

/** Who wrote an update on LAPOR!: the agency (an answer), the reporter, or LAPOR! itself. */
export type LaporAuthor = 'agency' | 'reporter' | 'lapor';

/** One answer, reply or status change on LAPOR!, oldest first. */
export interface LaporUpdate {
  at: string;
  status: string;
  /** Answer or reply text (plain or HTML), when the update carries one. */
  answer: string | null;
  /** Who answered (an agency or a disposition), as LAPOR! names it. */
  from: string | null;
  /** Unset by LAPOR!'s older answers: then the agency. */
  author?: LaporAuthor;
}

export interface LaporState {
  trackingId: string;
  status: string;
  updates: LaporUpdate[];
  /** The agency the report is dispositioned to now (it may move to another). */
  agency?: string | null;
  /** The reporter withdrew the report (dicabut). */
  withdrawn?: boolean;
}

/** A file attached to a report, fetched with `attachment()`. */
export interface LaporAttachmentRef {
  id: string;
  fileName: string;
  contentType: string | null;
  /** As LAPOR! declares it (the download is counted again). */
  size: number | null;
}

/** A report LAPOR! dispositioned to one of the agencies this connection serves. */
export interface LaporInboundReport {
  trackingId: string;
  /** The agency (disposition) code; matched against the office codes. */
  agency: string;
  category: 'pengaduan' | 'saran' | 'masukan';
  title: string;
  /** The report as written: may carry HTML. */
  body: string;
  /** How the reporter chose to appear; only a named reporter comes with a name or address. */
  privacy: LaporReporterPrivacy;
  reporter: { name: string | null; email: string | null; phone: string | null } | null;
  submittedAt: string;
  /** When it reached the agency (the answer time counts from here). */
  dispositionedAt: string | null;
  status: string;
  attachments: LaporAttachmentRef[];
}

/** What the office sends back: an answer (its follow-up) or a change of status. */
export interface LaporResponse {
  kind: 'answer' | 'status';
  /** Sent once per outbox row: LAPOR! may drop a repeat with the same key. */
  key: string;
  /** Our complaint number. */
  reference: string;
  status: string;
  text: string | null;
  at: string;
}

export class LaporError extends Error {
  constructor(
    message: string,
    /** A later attempt may succeed (an outage, a timeout, 5xx, 429). */
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'LaporError';
  }
}

export abstract class LaporGateway {
  /** A connection is configured: forwarding can be offered. */
  abstract readonly available: boolean;
  abstract forward(submission: LaporSubmission): Promise<{ trackingId: string; status: string }>;
  abstract pull(trackingId: string): Promise<LaporState>;
  /** The reports dispositioned to the agencies this connection serves. */
  abstract inbox(): Promise<LaporInboundReport[]>;
  /** One file of a report, at most `maxBytes` (a larger one is refused with a LaporError). */
  abstract attachment(trackingId: string, id: string, maxBytes: number): Promise<Buffer>;
  /** Sends an answer or status of the office back to LAPOR!. */
  abstract respond(trackingId: string, response: LaporResponse): Promise<void>;
}

/** No LAPOR! connection configured. */
export class DisabledLaporGateway extends LaporGateway {
  readonly available = false;

  forward(): Promise<{ trackingId: string; status: string }> {
    return Promise.reject(unconfigured());
  }

  pull(): Promise<LaporState> {
    return Promise.reject(unconfigured());
  }

  inbox(): Promise<LaporInboundReport[]> {
    return Promise.reject(unconfigured());
  }

  attachment(): Promise<Buffer> {
    return Promise.reject(unconfigured());
  }

  respond(): Promise<void> {
    return Promise.reject(unconfigured());
  }
}

function unconfigured(): LaporError {
  return new LaporError('SP4N-LAPOR! belum dikonfigurasi', false);
}
