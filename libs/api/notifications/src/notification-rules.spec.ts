import type { OutboxMessage } from '@sigap/api-outbox';
import type { NewTimelineEntry } from '@sigap/api-tickets';
import {
  coveredByMail,
  readChange,
  withholdMail,
  type NotificationDraft,
} from './notification-rules';

const ev = (
  event: string,
  data: Record<string, unknown>,
  authorId: string | null = 'agent',
): NewTimelineEntry => ({
  kind: 'event',
  event,
  authorId,
  body: null,
  data,
});

describe('what a ticket change tells whom', () => {
  it('reads assignments, step alerts, requester replies and notes; never the actor themselves', () => {
    const r = readChange([
      ev('ticket.assigned', { from: null, to: 'u1' }),
      ev('ticket.assigned', { from: null, to: 'agent' }),
      ev('step.assigned', { order: 3, from: 'u1', to: 'u2' }),
      ev('step.activated', {
        steps: [
          { order: 4, assigneeId: 'u3' },
          { order: 5, assigneeId: null },
        ],
      }),
      ev('sla.step_at_risk', { step: 4, assigneeId: 'u3' }, null),
      ev('sla.step_breached', { step: 4, assigneeId: null }, null),
      ev('ticket.status_changed', { from: 'new', to: 'in_progress' }),
      {
        kind: 'reply',
        event: 'mail.received',
        authorId: null,
        body: '  Terima\n kasih ',
        data: {},
      },
      { kind: 'reply', event: null, authorId: 'agent', body: 'Balasan petugas', data: {} },
      { kind: 'note', event: null, authorId: 'agent', body: '@u1 cek', data: null },
    ]);
    expect(r.drafts.map((d) => [d.userId, d.kind, d.step, d.actorId])).toEqual([
      ['u1', 'assigned', null, 'agent'],
      ['u2', 'assigned', 3, 'agent'],
      ['u3', 'assigned', 4, 'agent'],
      ['u3', 'step_at_risk', 4, null],
    ]);
    expect(r.replies).toEqual([{ excerpt: 'Terima kasih' }]);
    expect(r.notes).toEqual([{ authorId: 'agent', body: '@u1 cek' }]);
  });

  it("uses the change's own mail as the mail at once, or takes the person off it", () => {
    const outbox = [
      { kind: 'ticket.step-assigned', payload: { ticket: 'T', step: 2, assigneeId: 'u1' } },
      { kind: 'ticket.requester-replied', payload: { ticket: 'T', recipients: ['u1', 'u2'] } },
    ] as unknown as OutboxMessage[];
    const assigned: NotificationDraft = {
      userId: 'u1',
      kind: 'assigned',
      step: 2,
      actorId: null,
      excerpt: null,
    };
    const otherStep = { ...assigned, step: 3 };
    const ticketAssigned = { ...assigned, step: null };
    const replied: NotificationDraft = { ...assigned, kind: 'requester_replied', step: null };
    expect(coveredByMail(outbox, assigned)).toBeTrue();
    expect(coveredByMail(outbox, otherStep)).toBeFalse();
    expect(coveredByMail(outbox, ticketAssigned)).toBeFalse();
    expect(coveredByMail(outbox, replied)).toBeTrue();
    expect(coveredByMail(outbox, { ...replied, kind: 'mentioned' })).toBeFalse();

    withholdMail(outbox, replied);
    expect((outbox[1].payload as unknown as { recipients: string[] }).recipients).toEqual(['u2']);
    withholdMail(outbox, { ...replied, userId: 'u2' });
    withholdMail(outbox, assigned);
    expect(outbox).toEqual([]);
  });
});
