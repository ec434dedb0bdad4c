import {
  DEFAULT_PRIORITY_CELLS,
  DEFAULT_PRIORITY_TARGETS,
  INCIDENT_LEVELS,
  INCIDENT_PRIORITIES,
  type IncidentLevel,
  type PriorityCell,
  type PriorityTarget,
} from '@sigap/contracts';
import { parseDuration } from '@sigap/standards';
import type { FieldError } from '@sigap/api-common';

export interface PriorityMatrix {
  cells: readonly PriorityCell[];
  targets: readonly PriorityTarget[];
}

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  cells: DEFAULT_PRIORITY_CELLS,
  targets: DEFAULT_PRIORITY_TARGETS,
};

/** The priority and targets impact x urgency gives in a matrix. */
export function priorityOf(
  matrix: PriorityMatrix,
  impact: IncidentLevel,
  urgency: IncidentLevel,
): PriorityTarget {
  const cell = matrix.cells.find((c) => c.impact === impact && c.urgency === urgency);
  const target = cell && matrix.targets.find((t) => t.priority === cell.priority);
  if (!target) throw new Error(`priority matrix has no cell ${impact} x ${urgency}`);
  return target;
}

/** Whether the standards' duration grammar reads a target ("15 menit", "4 jam", "3 hari"). */
export function readableDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a matrix must be beyond its shape: every impact x urgency once, every priority's targets
 * once, each target a duration the SLA clocks can read, and a priority's response no later than
 * its resolution is checked by the office, not here (units differ between calendars).
 */
export function matrixProblems(matrix: PriorityMatrix): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  matrix.cells.forEach((c, i) => {
    const key = `${c.impact}x${c.urgency}`;
    if (seen.has(key)) errors.push({ path: `cells[${i}]`, message: 'sel dampak x urgensi ganda' });
    seen.add(key);
  });
  for (const impact of INCIDENT_LEVELS)
    for (const urgency of INCIDENT_LEVELS)
      if (!seen.has(`${impact}x${urgency}`))
        errors.push({
          path: 'cells',
          message: `sel dampak ${impact} x urgensi ${urgency} belum diisi`,
        });
  const priorities = new Set<string>();
  matrix.targets.forEach((t, i) => {
    if (priorities.has(t.priority))
      errors.push({ path: `targets[${i}].priority`, message: 'prioritas ganda' });
    priorities.add(t.priority);
    if (!readableDuration(t.response))
      errors.push({
        path: `targets[${i}].response`,
        message: 'jangka waktu tidak terbaca (mis. "15 menit", "4 jam", "1 hari")',
      });
    if (!readableDuration(t.resolution))
      errors.push({
        path: `targets[${i}].resolution`,
        message: 'jangka waktu tidak terbaca (mis. "4 jam", "3 hari")',
      });
  });
  for (const p of INCIDENT_PRIORITIES)
    if (!priorities.has(p)) errors.push({ path: 'targets', message: `target ${p} belum diisi` });
  return errors;
}
