/**
 * SP4N-LAPOR! (the national complaint system) behind an interface: forward a complaint, pull its
 * status and answers back. Its API documentation sits behind an agency developer login, so the
 * HTTP client below follows the common shape (bearer token, JSON) and is off until configured;
 * tests use the in-memory stand-in.
 */

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

/** One answer or status change on LAPOR!, oldest first. */
export interface LaporUpdate {
  at: string;
  status: string;
  /** Answer text (plain), when the update carries one. */
  answer: string | null;
  /** Who answered (an agency or a disposition), as LAPOR! names it. */
  from: string | null;
}

export interface LaporState {
  trackingId: string;
  status: string;
  updates: LaporUpdate[];
}

export class LaporError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaporError';
  }
}

export abstract class LaporGateway {
  /** A connection is configured: forwarding can be offered. */
  abstract readonly available: boolean;
  abstract forward(submission: LaporSubmission): Promise<{ trackingId: string; status: string }>;
  abstract pull(trackingId: string): Promise<LaporState>;
}

/** No LAPOR! connection configured. */
export class DisabledLaporGateway extends LaporGateway {
  readonly available = false;

  forward(): Promise<{ trackingId: string; status: string }> {
    return Promise.reject(new LaporError('SP4N-LAPOR! belum dikonfigurasi'));
  }

  pull(): Promise<LaporState> {
    return Promise.reject(new LaporError('SP4N-LAPOR! belum dikonfigurasi'));
  }
}
