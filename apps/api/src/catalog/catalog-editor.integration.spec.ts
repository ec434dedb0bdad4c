import type { Problem, ServiceDetail, ServiceSummary } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';

/**
 * What the console's catalog editor sends: the standard as read, with edits, back through
 * `PUT /api/v1/catalog/services/{office}/{code}`. Every seed standard must survive the round trip.
 */
describeOnBothDatabases('catalog editor round trip', (ctx) => {
  it('saves each seed standard with one step time changed as a new version', async () => {
    const token = await ctx().token('admin@sigap.local');
    const list = await ctx().request<ServiceSummary[]>('GET', '/api/v1/catalog/services', {
      token,
    });
    expect(list.body.length).toBeGreaterThanOrEqual(4);
    for (const summary of list.body) {
      const path = `/api/v1/catalog/services/${summary.office}/${summary.code}`;
      const detail = (await ctx().request<ServiceDetail>('GET', path, { token })).body;
      const standard = structuredClone(detail.standard);
      standard.steps[1] = { ...standard.steps[1], time: '3 hari' };
      standard.requirements = [...standard.requirements].reverse();
      const saved = await ctx().request<ServiceDetail>('PUT', path, {
        token,
        body: { expectedVersion: detail.version, standard },
      });
      expect(saved.status).withContext(`${summary.office}: ${saved.text}`).toBe(200);
      expect(saved.body.version).toBe(detail.version + 1);
      expect(saved.body.standard.steps[1].time).toBe('3 hari');
      expect(
        saved.body.parsed.steps.find((s) => s.order === standard.steps[1].order)?.time,
      ).toEqual(jasmine.objectContaining({ min: 3, unit: 'day' }));
      const stale = await ctx().request<Problem>('PUT', path, {
        token,
        body: { expectedVersion: detail.version, standard },
      });
      expect(stale.status).toBe(409);
    }
  });

  it('refuses an unreadable step time with the field path, and non-admins', async () => {
    const token = await ctx().token('admin@sigap.local');
    const path = '/api/v1/catalog/services/bali/pengembangan-aplikasi';
    const detail = (await ctx().request<ServiceDetail>('GET', path, { token })).body;
    const standard = structuredClone(detail.standard);
    standard.steps[0] = { ...standard.steps[0], time: 'secepatnya' };
    const bad = await ctx().request<Problem>('PUT', path, {
      token,
      body: { expectedVersion: detail.version, standard },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors ?? []).map((e) => e.path)).toContain('standard.steps[0].time');
    const agent = await ctx().request<Problem>('PUT', path, {
      token: await ctx().token('helpdesk.bali@sigap.local'),
      body: { expectedVersion: detail.version, standard: detail.standard },
    });
    expect(agent.status).toBe(403);
  });
});
