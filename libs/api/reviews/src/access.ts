import { AuthUser, hasRole } from '@sigap/api-identity';
import { ReviewError } from './review-error';

/**
 * Who may read and record an office's reviews and improvement actions: admins everywhere; the
 * office's managers and helpdesk agents read; its managers (and admins) write. Nobody else, and
 * never another office: a record of another office read by id is answered as not found, a list
 * or a write naming it as forbidden.
 */
export function canReadReviews(user: AuthUser, office: string): boolean {
  if (hasRole(user, 'admin')) return true;
  return user.office === office && hasRole(user, 'manager', 'agent');
}

export function canWriteReviews(user: AuthUser, office: string): boolean {
  if (hasRole(user, 'admin')) return true;
  return user.office === office && hasRole(user, 'manager');
}

export function assertCanRead(user: AuthUser, office: string): void {
  if (!canReadReviews(user, office)) {
    throw new ReviewError(
      'review.forbidden',
      `Anda tidak boleh membaca tinjauan layanan kantor "${office}".`,
    );
  }
}

export function assertCanWrite(user: AuthUser, office: string): void {
  if (!canWriteReviews(user, office)) {
    throw new ReviewError(
      'review.forbidden',
      `Hanya admin atau pimpinan kantor "${office}" yang boleh mencatat tinjauan dan tindak lanjutnya.`,
    );
  }
}
