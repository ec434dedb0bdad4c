import { AuthUser, hasRole } from '@sigap/api-identity';
import { ItServiceError } from './it-service-error';

/**
 * Who may read and edit an office's IT services and priority matrix: admins everywhere; the
 * office's staff read; its managers (and admins) edit. Another office's services are answered as
 * not found on reads by id, and as forbidden on lists and edits naming the office.
 */
export function canReadOffice(user: AuthUser, office: string): boolean {
  return hasRole(user, 'admin') || user.office === office;
}

export function canEditOffice(user: AuthUser, office: string): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'manager') && user.office === office);
}

export function assertCanRead(user: AuthUser, office: string): void {
  if (!canReadOffice(user, office)) {
    throw new ItServiceError(
      'it_service.forbidden',
      `Anda tidak boleh membaca layanan TI kantor "${office}".`,
    );
  }
}

export function assertCanEdit(user: AuthUser, office: string): void {
  if (!canEditOffice(user, office)) {
    throw new ItServiceError(
      'it_service.forbidden',
      `Hanya admin atau pimpinan kantor "${office}" yang boleh mengubah layanan TI dan matriks prioritasnya.`,
    );
  }
}
