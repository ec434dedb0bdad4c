import { Injectable } from '@nestjs/common';

/**
 * Tells the caches of this process that an office was created, edited or retired, so that they
 * re-read it at once instead of at their next refresh (other instances refresh on their own
 * schedule: the ticket cache every 30 s).
 */
@Injectable()
export class OfficeChanges {
  private readonly listeners = new Set<(code: string) => void>();

  /** Calls `listener` with the office's code on every change; the result stops listening. */
  onChange(listener: (code: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(code: string): void {
    for (const listener of this.listeners) listener(code);
  }
}
