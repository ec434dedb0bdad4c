import { SlaIssue } from './model';

/**
 * The one error type of the SLA library. `code` is stable (e.g. `sla.calendar_invalid`);
 * `message` is Bahasa Indonesia, `messageEn` English; `issues` lists field-level problems.
 */
export class SlaError extends Error {
  override readonly name = 'SlaError';

  constructor(
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly issues: SlaIssue[] = [],
  ) {
    super(
      issues.length
        ? `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
        : message,
    );
  }
}

export function issue(path: string, code: string, message: string, messageEn: string): SlaIssue {
  return { path, code, message, messageEn };
}
