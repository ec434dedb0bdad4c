import { isForbiddenAddress, refusalOf } from './address-policy';
import { webhookSignature } from './webhook-sender';
import { webhookEventsOf, webhookTicket } from './webhook-outbox';

describe('webhook address policy', () => {
  it('forbids loopback, private, CGNAT, link-local, metadata and unique-local addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '0.0.0.0',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.10.20',
      '100.64.0.1',
      '100.127.255.254',
      '169.254.169.254',
      '::1',
      '::',
      'fd00:ec2::254',
      'fc00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      '[::1]',
      'fe80::1%eth0',
      'not-an-address',
    ]) {
      expect(isForbiddenAddress(address)).withContext(address).toBeTrue();
    }
  });

  it('allows public addresses', () => {
    for (const address of [
      '8.8.8.8',
      '103.10.20.30',
      '172.32.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ]) {
      expect(isForbiddenAddress(address)).withContext(address).toBeFalse();
    }
  });

  it('checks only in production, and lets allowed host names through', async () => {
    const url = new URL('http://127.0.0.1:8080/hook');
    expect(await refusalOf(url, { enforce: false, allowedHosts: [] })).toBeNull();
    expect(await refusalOf(url, { enforce: true, allowedHosts: [] })).toContain('127.0.0.1');
    expect(await refusalOf(url, { enforce: true, allowedHosts: ['127.0.0.1'] })).toBeNull();
    const v6 = new URL('http://[::1]/hook');
    expect(await refusalOf(v6, { enforce: true, allowedHosts: [] })).toContain('::1');
    expect(await refusalOf(v6, { enforce: true, allowedHosts: ['::1'] })).toBeNull();
    const name = new URL('http://localhost/hook');
    expect(await refusalOf(name, { enforce: true, allowedHosts: [] })).toMatch(/127\.0\.0\.1|::1/);
  });
});

describe('webhook payload', () => {
  it('signs the raw bytes with HMAC-SHA256 (RFC 4231 test case 2)', () => {
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('maps timeline events to webhook events and leaves the others out', () => {
    expect(
      webhookEventsOf([
        'ticket.opened',
        'sla.clock_started',
        'step.completed',
        null,
        'complaint.filed',
        'sla.step_breached',
        'ticket.status_changed',
        'sla.breached',
        'sla.at_risk',
      ]),
    ).toEqual([
      'ticket.opened',
      'step.completed',
      'complaint.opened',
      'ticket.status_changed',
      'sla.breached',
      'sla.at_risk',
    ]);
  });

  it('describes a ticket whose clock has not started with due null', () => {
    const t = webhookTicket({
      number: 'BALI-2026-000001',
      officeCode: 'bali',
      kind: undefined,
      serviceCode: null,
      status: 'new',
      dueAt: new Date('9999-12-31T00:00:00Z'),
    });
    expect(t).toEqual({
      number: 'BALI-2026-000001',
      office: 'bali',
      kind: 'request',
      service: null,
      status: 'new',
      due: null,
    });
  });
});
