import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../../testing/test-app';
import { MailboxLeases, leaseKey, newInstanceId } from '@sigap/api-mail';

describeOnBothDatabases('IMAP mailbox leases', (ctx) => {
  let a: MailboxLeases;
  let b: MailboxLeases;

  beforeAll(() => {
    const ds = ctx().app.get(DataSource);
    a = new MailboxLeases(ds, 'host-a:11:aaaaaa');
    b = new MailboxLeases(ds, 'host-b:22:bbbbbb');
  });

  it('lets one instance hold a mailbox, keeps its start on renewal, and hands it over when it runs out', async () => {
    const key = leaseKey({ id: '6f1c2a9e-0000-4000-8000-000000000001' });
    expect(key).toBe('db:6f1c2a9e-0000-4000-8000-000000000001');
    const t0 = 1_800_000_000_000;
    expect(await a.acquire(key, t0, 3000)).toBeTrue();
    expect(await b.acquire(key, t0 + 1000, 3000)).toBeFalse();
    expect(await b.renew(key, t0 + 1000, 3000)).toBeFalse();
    expect(await a.renew(key, t0 + 2000, 3000)).toBeTrue();
    let held = (await a.holdings(t0 + 2000)).get(key);
    expect(held?.holder).toBe('host-a:11:aaaaaa');
    expect(held?.since.getTime()).toBe(t0);
    expect(held?.expiresAt.getTime()).toBe(t0 + 5000);
    // Still held at t0 + 4 s thanks to the renewal; run out at t0 + 5 s.
    expect(await b.acquire(key, t0 + 4000, 3000)).toBeFalse();
    expect(await b.acquire(key, t0 + 5000, 3000)).toBeTrue();
    held = (await b.holdings(t0 + 5000)).get(key);
    expect(held?.holder).toBe('host-b:22:bbbbbb');
    expect(held?.since.getTime()).toBe(t0 + 5000);
    // The former holder learns it lost the lease; its release changes nothing.
    expect(await a.renew(key, t0 + 5500, 3000)).toBeFalse();
    await a.release(key);
    expect((await a.holdings(t0 + 5500)).get(key)?.holder).toBe('host-b:22:bbbbbb');
    // Given back: free at once, and gone from the holdings.
    await b.release(key);
    expect((await a.holdings(t0 + 5600)).has(key)).toBeFalse();
    expect(await a.acquire(key, t0 + 5600, 3000)).toBeTrue();
  });

  it('keeps configured and database mailboxes apart and names each process differently', async () => {
    expect(leaseKey({ name: 'bali' })).toBe('config:bali');
    const t0 = 1_800_000_100_000;
    expect(await a.acquire('config:bali', t0, 3000)).toBeTrue();
    expect(await b.acquire('config:riau', t0, 3000)).toBeTrue();
    const held = await a.holdings(t0);
    expect(held.get('config:bali')?.holder).toBe('host-a:11:aaaaaa');
    expect(held.get('config:riau')?.holder).toBe('host-b:22:bbbbbb');
    const one = newInstanceId();
    expect(one).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{6}$`));
    expect(newInstanceId()).not.toBe(one);
  });
});
