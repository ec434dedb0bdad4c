import { TICKET_STATUSES, type TicketStatus } from '@sigap/contracts';
import {
  allowedActions,
  isOpenStatus,
  nextStatus,
  TICKET_ACTIONS,
  TRANSITIONS,
} from './state-machine';

describe('ticket state machine', () => {
  it('has a row for every status and only known actions and targets', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const [from, row] of Object.entries(TRANSITIONS)) {
      for (const [action, to] of Object.entries(row)) {
        expect(TICKET_ACTIONS)
          .withContext(`${from}.${action}`)
          .toContain(action as never);
        expect(TICKET_STATUSES)
          .withContext(`${from}.${action}`)
          .toContain(to as TicketStatus);
      }
    }
  });

  it('walks the normal path new -> triaged -> in progress -> waiting -> resolved -> closed', () => {
    let s: TicketStatus = 'new';
    for (const [action, expected] of [
      ['assign', 'triaged'],
      ['start-work', 'in-progress'],
      ['return-to-requester', 'waiting'],
      ['requester-answered', 'in-progress'],
      ['resolve', 'resolved'],
      ['close', 'closed'],
      ['reopen', 'reopened'],
      ['assign', 'triaged'],
    ] as const) {
      const next = nextStatus(s, action);
      expect(next).withContext(`${s} --${action}-->`).toBe(expected);
      s = next!;
    }
  });

  it('refuses illegal jumps', () => {
    expect(nextStatus('new', 'close')).toBeNull();
    expect(nextStatus('new', 'resolve')).toBeNull();
    expect(nextStatus('waiting', 'resolve')).toBeNull();
    expect(nextStatus('closed', 'cancel')).toBeNull();
    expect(nextStatus('resolved', 'cancel')).toBeNull();
    expect(nextStatus('in-progress', 'requester-answered')).toBeNull();
    expect(nextStatus('in-progress', 'reopen')).toBeNull();
  });

  it('is a dead end once cancelled', () => {
    expect(allowedActions('cancelled')).toEqual([]);
    for (const action of TICKET_ACTIONS) expect(nextStatus('cancelled', action)).toBeNull();
  });

  it('is a dead end once merged; every open state may merge', () => {
    expect(allowedActions('merged')).toEqual([]);
    for (const action of TICKET_ACTIONS) expect(nextStatus('merged', action)).toBeNull();
    for (const status of TICKET_STATUSES.filter(isOpenStatus))
      expect(nextStatus(status, 'merge')).withContext(status).toBe('merged');
    expect(nextStatus('resolved', 'merge')).toBeNull();
    expect(nextStatus('closed', 'merge')).toBeNull();
  });

  it('leaves resolved, closed, cancelled and merged out of the open states', () => {
    expect(TICKET_STATUSES.filter((s) => !isOpenStatus(s))).toEqual([
      'resolved',
      'closed',
      'cancelled',
      'merged',
    ]);
  });

  it('can cancel from every open state', () => {
    for (const s of TICKET_STATUSES.filter(isOpenStatus))
      expect(nextStatus(s, 'cancel')).withContext(s).toBe('cancelled');
  });
});
