import { Injectable, computed, inject, signal } from '@angular/core';
import { AuthService } from '../auth/auth.service';

/** Where the office an admin works on is remembered for the browser tab. */
export const CHOSEN_OFFICE_KEY = 'sigap.office';

function read(): string {
  try {
    return sessionStorage.getItem(CHOSEN_OFFICE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The office the console works on. Staff of one office always work on their own; an admin picks
 * one on any per-office page (queue, new ticket, users ...) and the choice follows them to the
 * others, so an admin in Bali can open a walk-in ticket for Tebing Tinggi.
 */
@Injectable({ providedIn: 'root' })
export class ChosenOffice {
  private readonly auth = inject(AuthService);
  private readonly picked = signal(read());

  /** The office code in force, or '' when none is known yet (then pages take the first office). */
  readonly code = computed(() => {
    const own = this.auth.user()?.office ?? '';
    return this.auth.isAdmin() ? this.picked() || own : own;
  });

  set(code: string): void {
    this.picked.set(code);
    try {
      sessionStorage.setItem(CHOSEN_OFFICE_KEY, code);
    } catch {
      // Storage can be disabled: the choice then lasts as long as the page.
    }
  }
}
