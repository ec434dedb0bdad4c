import type { EntityManager } from 'typeorm';

/** A position of an office, as user administration sees it. */
export interface OfficePosition {
  id: string;
  officeCode: string;
  code: string;
  name: string;
  reportsToId: string | null;
  requesterSide: boolean;
}

/**
 * What identity needs of the offices: whether an office exists, its positions, and the offices'
 * own "not found" answer. Offices sit above identity (their endpoints use its guards), so the
 * offices module implements this port and the application binds it (`AppPortsModule`).
 */
export abstract class OfficeDirectory {
  abstract exists(code: string, manager?: EntityManager): Promise<boolean>;

  /** The error an unknown office is answered with (404 `office.not_found`). */
  abstract notFound(code: string): Error;

  /** Offices in service, by code. */
  abstract list(): Promise<{ code: string; ticketPrefix: string }[]>;

  /** The office's positions in service, in their published order. */
  abstract positions(officeCode: string, manager?: EntityManager): Promise<OfficePosition[]>;

  /** The office's positions (retired ones too) with one of these codes. */
  abstract positionsByCode(
    manager: EntityManager,
    officeCode: string,
    codes: string[],
  ): Promise<OfficePosition[]>;

  abstract position(manager: EntityManager, id: string): Promise<OfficePosition | null>;
}
