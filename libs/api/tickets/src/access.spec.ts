import type { AuthUser } from '@sigap/api-identity';
import { canWorkStep, requesterCanRead, ticketAccess } from './access';

const user = (roles: AuthUser['roles'], office: string | null, positions: string[] = []) =>
  ({ id: 'u1', email: 'u@x', name: 'U', roles, office, locale: 'id', positions }) as AuthUser;

describe('ticket access policy', () => {
  const ticket = { officeCode: 'bali' };
  const steps = [
    { positionCode: 'kasi-ai', executors: ['kasi-ai', 'opd-pemohon'] },
    { positionCode: 'tim-spbe', executors: ['tim-spbe'] },
  ];

  it('gives each role what the policy says', () => {
    expect(ticketAccess(user(['admin'], null), ticket, steps)).toBe('full');
    expect(ticketAccess(user(['agent'], 'bali'), ticket, steps)).toBe('full');
    expect(ticketAccess(user(['agent'], 'riau'), ticket, steps)).toBe('none');
    expect(ticketAccess(user(['manager'], 'bali', ['kadis']), ticket, steps)).toBe('read');
    expect(ticketAccess(user(['manager'], 'bali', ['kasi-ai']), ticket, steps)).toBe('steps');
    expect(ticketAccess(user(['executor'], 'bali', ['tim-spbe']), ticket, steps)).toBe('steps');
    expect(ticketAccess(user(['executor'], 'bali', ['sekretaris']), ticket, steps)).toBe('none');
    expect(ticketAccess(user(['executor'], 'riau', ['tim-spbe']), ticket, steps)).toBe('none');
  });

  it('lets executors work only steps of their positions, never requester-side ones', () => {
    const exec = user(['executor'], 'bali', ['tim-spbe']);
    const step = { positionCode: 'tim-spbe', assigneeId: 'other', requesterSide: false };
    expect(canWorkStep(exec, 'steps', step)).toBeTrue();
    expect(canWorkStep(exec, 'steps', { ...step, positionCode: 'kasi-ai' })).toBeFalse();
    expect(
      canWorkStep(exec, 'steps', { ...step, positionCode: 'kasi-ai', assigneeId: 'u1' }),
    ).toBeTrue();
    expect(canWorkStep(exec, 'steps', { ...step, requesterSide: true })).toBeFalse();
    expect(canWorkStep(exec, 'read', step)).toBeFalse();
  });

  it("limits requester contacts to their OPD's tickets", () => {
    expect(
      requesterCanRead({ opdId: 'o1', contactId: 'c1' }, { opdId: 'o1', requesterContactId: 'c9' }),
    ).toBeTrue();
    expect(
      requesterCanRead({ opdId: 'o1', contactId: 'c1' }, { opdId: 'o2', requesterContactId: 'c1' }),
    ).toBeFalse();
    expect(
      requesterCanRead({ opdId: null, contactId: 'c1' }, { opdId: null, requesterContactId: 'c1' }),
    ).toBeTrue();
  });
});
