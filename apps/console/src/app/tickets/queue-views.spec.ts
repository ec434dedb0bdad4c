import { QUEUE_VIEWS, isQueueView, viewQuery } from './queue-views';

describe('viewQuery', () => {
  it('maps each view to the API filters', () => {
    expect(viewQuery('unassigned', 'u-1')).toEqual({ status: 'new,reopened' });
    expect(viewQuery('triage', 'u-1')).toEqual({ open: 'true', triage: 'true' });
    expect(viewQuery('mine', 'u-1')).toEqual({ open: 'true', assignee: 'u-1' });
    expect(viewQuery('at-risk', 'u-1')).toEqual({ open: 'true', sla: 'at-risk' });
    expect(viewQuery('breached', 'u-1')).toEqual({ open: 'true', sla: 'breached' });
    expect(viewQuery('waiting', 'u-1')).toEqual({ status: 'waiting' });
    expect(viewQuery('complaints', 'u-1')).toEqual({ open: 'true', kind: 'complaint' });
    expect(viewQuery('all', 'u-1')).toEqual({});
  });

  it('refuses "mine" without a user', () => {
    expect(() => viewQuery('mine', null)).toThrowError(/signed-in user/);
  });

  it('knows its views', () => {
    expect(QUEUE_VIEWS.every(isQueueView)).toBeTrue();
    expect(isQueueView('semua')).toBeFalse();
  });
});
