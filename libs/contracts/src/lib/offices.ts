import type { OfficeSummary } from './catalog';

/**
 * Offices made, edited and retired by admins (`/api/v1/offices`), their positions
 * (`/api/v1/positions`), and the first-run set-up (`/api/v1/setup`).
 */

/** `POST /api/v1/offices` (admins). */
export interface CreateOfficeRequest {
  /** 2-40 lowercase letters, digits and hyphens (`dogiyai`); fixed once created. */
  code: string;
  name: string;
  /** A canonical IANA zone: `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
  timeZone: string;
  /**
   * 2-12 uppercase letters or digits, unique, not starting with `ADU` (complaint numbers):
   * ticket numbers read `<prefix>-2026-000001`.
   */
  ticketPrefix: string;
  /** ISO 3166-2 province (`ID-PA`): the province's own holidays apply. */
  region?: string | null;
  address?: string | null;
  website?: string | null;
  helpdeskEmail?: string | null;
  complaintEmail?: string | null;
  /** Mail sent here (not a reply) opens an incident (gangguan) instead of a request. */
  incidentEmail?: string | null;
  /** An https address of the office's logo. */
  logoUrl?: string | null;
}

/**
 * `PATCH /api/v1/offices/:code`: the fields given change; null or an empty text clears an
 * optional one. The zone and the prefix change only while the office has no tickets.
 */
export type UpdateOfficeRequest = Partial<Omit<CreateOfficeRequest, 'code'>>;

/** An office as admins see and edit it. */
export interface OfficeAdminView extends OfficeSummary {
  region: string | null;
  address: string | null;
  website: string | null;
  helpdeskEmail: string | null;
  complaintEmail: string | null;
  incidentEmail: string | null;
  logoUrl: string | null;
  /** ISO instant; null while the office is in service. */
  retiredAt: string | null;
  createdAt: string;
}

/** One row of `GET /api/v1/offices/time-zones`: WIB, WITA and WIT first, then every IANA zone. */
export interface TimeZoneOption {
  zone: string;
  /** WIB, WITA or WIT for Indonesia's zones; null for the others. */
  abbreviation: string | null;
  /** The zone's offset now, `UTC+9`. */
  offset: string;
}

/** `POST /api/v1/positions` (admins; an office's manager for their own office). */
export interface CreatePositionRequest {
  office: string;
  /** 2-60 lowercase letters, digits and hyphens (`kabid-aptika`); fixed once created. */
  code: string;
  name: string;
  /** The next position up, to which a late step escalates; none at the top. */
  parentCode?: string | null;
}

/** `PATCH /api/v1/positions/:id`: a new name, or a new parent (null: the top of the chain). */
export interface UpdatePositionRequest {
  name?: string;
  parentCode?: string | null;
}

/** A position as created, edited or retired. */
export interface PositionAdminView {
  id: string;
  office: string;
  code: string;
  name: string;
  parentCode: string | null;
  requesterSide: boolean;
  retiredAt: string | null;
}

/** `GET /api/v1/setup` (admins): what a new installation still lacks. */
export interface SetupStatus {
  /** True while no office is in service: the console offers the set-up steps. */
  needed: boolean;
  offices: number;
  positions: number;
  services: number;
  /** Active users other than admins. */
  agents: number;
  mailboxes: number;
  smtp: {
    /** `smtp`: through `SIGAP_SMTP_URL`; `keep`: kept as files (no server configured). */
    mode: 'smtp' | 'keep';
    /** Host and port (never the credentials), or where files are kept. */
    description: string;
  };
}

/** `POST /api/v1/setup/test-mail` (admins, rate limited). */
export interface TestMailRequest {
  to: string;
}

export interface TestMailResult {
  mode: 'smtp' | 'keep';
  messageId: string;
  /** The SMTP server's reply, or where the message was kept. */
  response: string;
}
