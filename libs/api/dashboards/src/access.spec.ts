import type { AuthUser } from '@sigap/api-identity';
import { requireOfficeWide, resolveScope } from './access';

const user = (
  roles: AuthUser['roles'],
  office: string | null,
  positions: string[] = [],
): AuthUser => ({
  id: `u-${roles.join('-')}`,
  email: 'x@sigap.local',
  name: 'Pengguna',
  roles,
  office,
  locale: 'id',
  positions,
});

describe('dashboard scope', () => {
  it('admin: any office, which must be named when the admin has none', () => {
    expect(resolveScope(user(['admin'], null), 'riau').office).toBe('riau');
    expect(() => resolveScope(user(['admin'], null), undefined)).toThrowError(/office/);
  });

  it('manager and agent: their own office only, office-wide', () => {
    for (const role of ['manager', 'agent'] as const) {
      const scope = resolveScope(user([role], 'bali'), undefined);
      expect(scope).toEqual(jasmine.objectContaining({ office: 'bali', holderId: null }));
      expect(resolveScope(user([role], 'bali'), 'bali').office).toBe('bali');
      expect(() => resolveScope(user([role], 'bali'), 'riau')).toThrowError(/kantor lain/);
    }
  });

  it('executor: their own steps; ticket-level tables refused', () => {
    const scope = resolveScope(user(['executor'], 'bali', ['kasi-ai']), undefined);
    expect(scope.holderId).toBe('u-executor');
    expect(scope.positions).toEqual(['kasi-ai']);
    expect(() => requireOfficeWide(scope, 'X')).toThrowError(/pelaksana/);
    // A manager who also executes steps still sees the office.
    expect(resolveScope(user(['manager', 'executor'], 'bali'), undefined).holderId).toBeNull();
  });

  it('no dashboard role: refused', () => {
    expect(() => resolveScope(user([], 'bali'), undefined)).toThrowError(/Peran/);
  });
});
