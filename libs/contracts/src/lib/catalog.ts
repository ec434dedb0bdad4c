import type {
  Duration,
  ImportDraftResult,
  ImportedDraftStep,
  OfficeDefinition,
  ServiceStandard,
} from '@sigap/standards';

export type ServiceStatus = 'active' | 'retired';

export interface OfficeSummary {
  code: string;
  name: string;
  timeZone: string;
  /** WIB, WITA or WIT. */
  zoneAbbreviation: string;
  ticketPrefix: string;
  /** Only in lists that include retired offices (admins), and on an office's detail. */
  retiredAt?: string | null;
}

export type OfficeDetail = OfficeSummary & Pick<OfficeDefinition, 'positions' | 'region'>;

/**
 * `GET|PUT /api/v1/offices/:code/signer`: the head of office who signs the evaluation report.
 * Null: the report leaves a line to fill in by hand.
 */
export interface OfficeSigner {
  headName: string | null;
  /** NIP: 18 digits. */
  headNip: string | null;
}

/** One row of `GET /api/v1/catalog/services?office=bali`. */
export interface ServiceSummary {
  office: string;
  code: string;
  name: string;
  version: number;
  status: ServiceStatus;
  requirementCount: number;
  stepCount: number;
  serviceTime: { text: string; parsed: Duration | null };
  updatedAt: string;
}

/** `GET /api/v1/catalog/services/{office}/{code}` (latest) or `.../versions/{n}`. */
export interface ServiceDetail {
  version: number;
  status: ServiceStatus;
  createdAt: string;
  createdBy: string | null;
  /** All versions, newest first. */
  versions: { version: number; createdAt: string; createdBy: string | null }[];
  /** The standard itself, with each step's time and the total time parsed. */
  standard: ServiceStandard;
  parsed: {
    serviceTime: Duration | null;
    steps: { order: number; time: Duration | null }[];
  };
  /** Position code -> display name, for the step table. */
  positionNames: Record<string, string>;
}

/** `PUT /api/v1/catalog/services/{office}/{code}`: a new version, guarded by the version edited. */
export interface UpdateServiceRequest {
  expectedVersion: number;
  standard: ServiceStandard;
}

/** `POST /api/v1/catalog/import` answer: a draft to review, with a warning per unmapped part. */
export type ImportResult = ImportDraftResult;
export type ImportedStep = ImportedDraftStep;
