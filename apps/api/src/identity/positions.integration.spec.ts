import type { PositionHoldersView, PositionView, Problem, UserView } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';

describeOnBothDatabases('positions list with ids and holders', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);
  const list = async (who: string, office?: string) =>
    ctx().request<PositionView[] & Problem>(
      'GET',
      `/api/v1/positions${office ? `?office=${office}` : ''}`,
      { token: await as(who) },
    );

  it("lists the office's positions with ids, in order, and who holds each", async () => {
    const res = await list('helpdesk.bali');
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.length).toBeGreaterThan(2);
    expect(res.body.every((p) => p.office === 'bali' && p.id.length > 0)).toBeTrue();
    const kasi = res.body.find((p) =>
      p.holders.some((h) => h.email === 'kasi-ai.bali@sigap.local'),
    );
    expect(kasi).withContext('the demo Kasi holds a position').toBeDefined();

    const holders = await ctx().request<PositionHoldersView>(
      'GET',
      `/api/v1/positions/${kasi!.id}/holders`,
      { token: await as('helpdesk.bali') },
    );
    expect(holders.body.holders.map((h) => h.id).sort()).toEqual(
      kasi!.holders.map((h) => h.id).sort(),
    );
  });

  it('shows a holder set through PUT .../holders in the list', async () => {
    const token = await as('admin');
    const users = await ctx().request<UserView[]>('GET', '/api/v1/users?office=bali', { token });
    const helpdesk = users.body.find((u) => u.email === 'helpdesk.bali@sigap.local')!;
    const positions = (await list('admin', 'bali')).body;
    const target = positions.find(
      (p) => !p.requesterSide && !p.holders.some((h) => h.id === helpdesk.id),
    )!;
    expect(target).withContext('a position the helpdesk does not hold').toBeDefined();
    const wanted = [...target.holders.map((h) => h.id), helpdesk.id];
    const set = await ctx().request<PositionHoldersView>(
      'PUT',
      `/api/v1/positions/${target.id}/holders`,
      { token, body: { userIds: wanted } },
    );
    expect(set.status).withContext(set.text).toBe(200);
    const after = (await list('admin', 'bali')).body.find((p) => p.id === target.id)!;
    expect(after.holders.map((h) => h.id).sort()).toEqual([...wanted].sort());
    expect(after.holders.map((h) => h.email)).toContain('helpdesk.bali@sigap.local');
  });

  it('refuses another office (403), an unknown office (404), anonymous (401)', async () => {
    expect((await list('helpdesk.riau', 'bali')).status).toBe(403);
    const unknown = await list('admin', 'atlantis');
    expect(unknown.status).toBe(404);
    expect((await list('admin', 'riau')).status).toBe(200);
    expect((await ctx().request('GET', '/api/v1/positions?office=bali')).status).toBe(401);
  });
});
