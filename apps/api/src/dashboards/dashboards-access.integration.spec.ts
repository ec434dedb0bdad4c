import type { Problem } from '@sigap/contracts';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

type Who = 'anonymous' | 'admin' | 'manager' | 'agent' | 'executor' | 'riau-manager';
const EMAIL: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin@sigap.local',
  manager: 'kadis.bali@sigap.local',
  agent: 'helpdesk.bali@sigap.local',
  executor: 'kasi-ai.bali@sigap.local',
  'riau-manager': 'kadis.riau@sigap.local',
};

/** Each request and the status each user gets. Admins name the office; others may not cross. */
const MATRIX: Array<[string, string, Record<Who, number>]> = [
  [
    'GET',
    'compliance?level=tickets&office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 403, 'riau-manager': 403 },
  ],
  [
    'GET',
    'compliance?level=steps&by=holder',
    { anonymous: 401, admin: 400, manager: 200, agent: 200, executor: 200, 'riau-manager': 200 },
  ],
  [
    'GET',
    'steps?office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 200, 'riau-manager': 403 },
  ],
  [
    'GET',
    'backlog',
    { anonymous: 401, admin: 400, manager: 200, agent: 200, executor: 200, 'riau-manager': 200 },
  ],
  [
    'GET',
    'at-risk?office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 200, 'riau-manager': 403 },
  ],
  [
    'GET',
    'first-response?office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 403, 'riau-manager': 403 },
  ],
  [
    'GET',
    'workload?office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 200, 'riau-manager': 403 },
  ],
  [
    'GET',
    'workload?office=riau',
    { anonymous: 401, admin: 200, manager: 403, agent: 403, executor: 403, 'riau-manager': 200 },
  ],
  [
    'GET',
    'steps/export?format=xlsx&office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 200, 'riau-manager': 403 },
  ],
  [
    'GET',
    'first-response/export?office=bali',
    { anonymous: 401, admin: 200, manager: 200, agent: 200, executor: 403, 'riau-manager': 403 },
  ],
  [
    'POST',
    'refresh',
    { anonymous: 401, admin: 200, manager: 403, agent: 403, executor: 403, 'riau-manager': 403 },
  ],
];

describeOnBothDatabases('dashboards: who sees what', (ctx) => {
  let app: TestApp;
  const tokenOf = async (who: Who) => (who === 'anonymous' ? null : app.token(EMAIL[who]));

  beforeAll(() => (app = ctx()));

  it('answers each user as the access matrix says', async () => {
    const mismatches: string[] = [];
    for (const [method, path, expected] of MATRIX) {
      for (const who of Object.keys(expected) as Who[]) {
        const res = await app.request(method, `/api/v1/dashboards/${path}`, {
          token: await tokenOf(who),
        });
        if (res.status !== expected[who])
          mismatches.push(`${who} ${method} ${path}: ${res.status} (expected ${expected[who]})`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('an executor’s figures are scoped to them; a manager’s to the office', async () => {
    const own = await app.request('GET', '/api/v1/dashboards/steps', {
      token: await tokenOf('executor'),
    });
    expect(own.body.scope.office).toBe('bali');
    expect(own.body.scope.holderId).toEqual(jasmine.any(String));
    const office = await app.request('GET', '/api/v1/dashboards/steps', {
      token: await tokenOf('manager'),
    });
    expect(office.body.scope.holderId).toBeNull();
  });

  it('refuses bad filters with a 400 naming the field, never a 500', async () => {
    const token = await tokenOf('manager');
    const cases: Array<[string, string]> = [
      ['compliance?from=2026-13', 'from'],
      ['compliance?from=2026-05&to=2026-01', 'from'],
      ['compliance?from=2020-01&to=2026-12', 'from'],
      ['compliance?level=steps&by=opd', 'by'],
      ['compliance?by=everything', 'by'],
      ['steps?period=week', 'period'],
      ['steps?unknown=1', 'unknown'],
      ['backlog?service=', 'service'],
      ['nothing/export', 'table'],
      ['steps/export?format=pdf', 'format'],
      ['steps/export?by=service', 'by'],
    ];
    for (const [path, field] of cases) {
      const res = await app.request<Problem>('GET', `/api/v1/dashboards/${path}`, { token });
      expect(res.status).withContext(path).toBe(400);
      expect(res.headers.get('content-type'))
        .withContext(path)
        .toContain('application/problem+json');
      expect(JSON.stringify(res.body)).withContext(path).toContain(field);
    }
    const unknown = await app.request('GET', '/api/v1/dashboards/steps?office=atlantis', {
      token: await tokenOf('admin'),
    });
    expect(unknown.status).toBe(404);
  }, 30_000);

  it('a range without closed tickets answers zeros per period', async () => {
    const res = await app.request(
      'GET',
      '/api/v1/dashboards/compliance?by=period&from=2026-01&to=2026-03',
      {
        token: await tokenOf('manager'),
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { key: string; total: number }) => [r.key, r.total])).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 0],
    ]);
    expect(res.body.rows[0].withinLimitShare).toBeNull();
  });
});
