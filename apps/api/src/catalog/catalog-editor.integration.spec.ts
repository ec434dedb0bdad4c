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

  it('keeps outside participants, the follow-up flag and step costs; refuses bad ones by path', async () => {
    const token = await ctx().token('admin@sigap.local');
    const path = '/api/v1/catalog/services/tebingtinggi/inventarisasi-aplikasi';
    const detail = (await ctx().request<ServiceDetail>('GET', path, { token })).body;
    const last = detail.standard.steps.length - 1;
    const edit = (change: (steps: ServiceDetail['standard']['steps']) => void) => {
      const standard = structuredClone(detail.standard);
      change(standard.steps);
      return ctx().request<Partial<ServiceDetail> & Problem>('PUT', path, {
        token,
        body: { expectedVersion: detail.version, standard },
      });
    };
    const paths = (res: { body: Problem }) => (res.body.errors ?? []).map((e) => e.path);

    const twice = await edit((steps) => {
      steps[5].participants = ['BSSN', ' bssn '];
    });
    expect(twice.status).toBe(400);
    expect(paths(twice)).toContain('standard.steps[5].participants[1]');
    const long = await edit((steps) => {
      steps[5].participants = ['x'.repeat(201)];
    });
    expect(long.status).toBe(400);
    expect(paths(long).some((p) => p.includes('participants')))
      .withContext(long.text)
      .toBeTrue();
    const notText = await edit((steps) => {
      (steps[5] as unknown as { participants: unknown }).participants = 'BSSN';
    });
    expect(notText.status).toBe(400);
    const firstFollowUp = await edit((steps) => {
      steps[0].followUp = true;
    });
    expect(firstFollowUp.status).toBe(400);
    expect(paths(firstFollowUp)).toContain('standard.steps[0].followUp');

    const saved = await edit((steps) => {
      steps[5].participants = ['Kementerian PAN-RB', 'BSSN'];
      steps[last].followUp = true;
      steps[last].cost = 'Gratis';
    });
    expect(saved.status).withContext(saved.text).toBe(200);
    const stored = saved.body as ServiceDetail;
    expect(stored.standard.steps[5].participants).toEqual(['Kementerian PAN-RB', 'BSSN']);
    expect(stored.standard.steps[last].followUp).toBeTrue();
    expect(stored.standard.steps[last].cost).toBe('Gratis');
    const back = await ctx().request<ServiceDetail>('PUT', path, {
      token,
      body: { expectedVersion: stored.version, standard: detail.standard },
    });
    expect(back.status).withContext(back.text).toBe(200);
  });
});
