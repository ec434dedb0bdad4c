import { AuthUser, hasRole } from '@sigap/api-identity';
import { ChangeError } from './change-error';

/**
 * Who may do what with an office's changes: its staff (and admins) read them and its calendar;
 * its helpdesk agents (and admins) record and carry them out; its managers (and admins) set who
 * approves. Approving is for the holders of the step's position (and admins), checked per step.
 */
export function assertCanReadOffice(user: AuthUser, office: string): void {
  if (!hasRole(user, 'admin') && user.office !== office)
    throw new ChangeError(
      'change.forbidden',
      `Anda tidak boleh membaca perubahan kantor "${office}".`,
    );
}

export function assertCanRecord(user: AuthUser, office: string): void {
  if (!hasRole(user, 'admin') && !(hasRole(user, 'agent') && user.office === office))
    throw new ChangeError(
      'change.forbidden',
      `Hanya helpdesk kantor "${office}" yang boleh mencatat dan melaksanakan perubahannya.`,
    );
}

export function assertCanSetPolicy(user: AuthUser, office: string): void {
  if (!hasRole(user, 'admin') && !(hasRole(user, 'manager') && user.office === office))
    throw new ChangeError(
      'change.forbidden',
      `Hanya admin atau pimpinan kantor "${office}" yang boleh mengatur persetujuan perubahan.`,
    );
}
