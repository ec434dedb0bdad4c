/**
 * The API's one doorway to `@sigap/standards` (duration grammar, catalog files, validation,
 * importer), so the rest of the catalog domain depends on a few small functions.
 */
import {
  ImportError,
  importStandard,
  parseCatalogFile,
  parseOfficeFile,
  readDuration,
  validateStandard,
  type CatalogIssue,
  type Duration,
  type OfficeDefinition,
  type ServiceStandard,
} from '@sigap/standards';
import type { ImportResult } from '@sigap/contracts';
import type { FieldError } from '@sigap/api-common';
import type { PositionEntity } from '@sigap/api-offices';

export function readDurationOrNull(text: string): Duration | null {
  const result = readDuration(text);
  return result.ok ? result.value : null;
}

/** The importer's "cannot read this document" error (answered 422). */
export function isUnreadableDocument(error: unknown): error is Error {
  return error instanceof ImportError;
}

/** `validateStandard` of the library, against the office's positions. */
export function libraryProblems(
  standard: ServiceStandard,
  positions: PositionEntity[],
): FieldError[] {
  return validateStandard(standard, toOffice(standard.office, positions)).map(
    (issue: CatalogIssue) => ({ path: issue.path, message: issue.message }),
  );
}

export function officeFromYaml(text: string): OfficeDefinition {
  return parseOfficeFile(text);
}

export function standardFromYaml(text: string): ServiceStandard {
  return parseCatalogFile(text);
}

export function importDocument(
  text: string,
  contentType: string,
  office: { code: string; positions: PositionEntity[] } | null,
  workingDayMinutes?: number,
): ImportResult {
  return importStandard(
    text,
    contentType,
    office ? toOffice(office.code, office.positions) : undefined,
    workingDayMinutes ? { workingDayMinutes } : {},
  );
}

function toOffice(code: string, positions: PositionEntity[]): OfficeDefinition {
  const byId = new Map(positions.map((p) => [p.id, p.code]));
  return {
    code,
    name: code,
    timeZone: 'UTC',
    region: null,
    ticketPrefix: code.toUpperCase(),
    positions: positions.map((p) => ({
      code: p.code,
      name: p.name,
      reportsTo: p.reportsToId ? (byId.get(p.reportsToId) ?? null) : null,
      requesterSide: p.requesterSide,
      ...(p.aliases ? { aliases: p.aliases } : {}),
    })),
  };
}
