import { MAIL_TEMPLATE_NAMES } from '../../templates/template-props';
import { AUTOMATIC_KINDS } from '../outbox-worker.service';
import type { OutboxKind } from './kind';
import {
  OUTBOX_KINDS,
  outboxKind,
  REQUESTER_LIMITED_KINDS,
  SECRET_KINDS,
  TEMPLATE_SAMPLES,
  templateSamples,
} from '.';

describe('outbox kinds registry', () => {
  it('files every kind under its own name', () => {
    for (const [name, definition] of Object.entries(OUTBOX_KINDS))
      expect(definition.kind).withContext(name).toBe(name);
  });

  it('names only templates that exist, and every template has a kind that sends it', () => {
    const used = new Set(Object.values(OUTBOX_KINDS).flatMap((k) => k.templates));
    for (const template of used)
      expect(MAIL_TEMPLATE_NAMES as readonly string[]).toContain(template);
    for (const template of MAIL_TEMPLATE_NAMES)
      expect(used.has(template)).withContext(template).toBeTrue();
  });

  it('keeps the per-requester limit and the secret payloads on the same kinds as before', () => {
    expect([...REQUESTER_LIMITED_KINDS].sort()).toEqual([
      'ticket.received',
      'ticket.resolved',
      'ticket.returned-to-requester',
    ]);
    expect([...AUTOMATIC_KINDS].sort()).toEqual([...REQUESTER_LIMITED_KINDS].sort());
    expect([...SECRET_KINDS].sort()).toEqual([
      'password-reset',
      'portal.sign-in-link',
      'survey.invitation',
    ]);
  });

  it('gathers one preview sample per template from the kinds that send it', () => {
    expect(Object.keys(TEMPLATE_SAMPLES).sort()).toEqual([...MAIL_TEMPLATE_NAMES].sort());
    for (const kind of Object.values(OUTBOX_KINDS) as OutboxKind[])
      for (const template of Object.keys(kind.samples))
        expect(kind.templates as readonly string[])
          .withContext(kind.kind)
          .toContain(template);
  });

  it('refuses a missing, a doubled, or a foreign sample', () => {
    const kinds = Object.values(OUTBOX_KINDS) as OutboxKind[];
    const reply = OUTBOX_KINDS['ticket.reply'];
    const withoutReply = kinds.map((k) => (k === reply ? { ...k, samples: {} } : k));
    expect(() => templateSamples(withoutReply)).toThrowError(/without a sample: agent-reply/);
    expect(() => templateSamples([...kinds, reply])).toThrowError(/agent-reply.*two kinds/);
    const foreign = { ...reply, samples: { 'password-reset': TEMPLATE_SAMPLES['password-reset'] } };
    expect(() => templateSamples([foreign])).toThrowError(/does not send/);
  });

  it('knows no kind by an inherited name', () => {
    expect(outboxKind('toString')).toBeUndefined();
    expect(outboxKind('ticket.unknown-kind')).toBeUndefined();
    expect(outboxKind('ticket.reply')).toBe(OUTBOX_KINDS['ticket.reply']);
  });
});
