import type { ServiceStandard } from '@sigap/standards';
import type { FieldError } from '@sigap/api-common';
import type { PositionEntity } from '@sigap/api-offices';
import { libraryProblems } from './standards-port';

/**
 * Checks what the DTOs cannot, with the catalog library's rules: steps numbered 1..n, executors
 * that exist among the office's positions, times the duration grammar can read, unique codes.
 * Paths follow the model (`steps[2].time`).
 */
export function checkStandard(
  standard: ServiceStandard,
  positions: PositionEntity[],
): FieldError[] {
  return libraryProblems(standard, positions);
}
