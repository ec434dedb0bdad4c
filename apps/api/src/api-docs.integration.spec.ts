import { describeOnBothDatabases } from './testing/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  SIGAP_OUTBOX_SECONDS: '0',
  SIGAP_SLA_SWEEP_SECONDS: '0',
};

/** The API's map (`/api/docs`) helps developers and attackers alike: off in production. */
describeOnBothDatabases(
  'API documentation in production',
  (ctx) => {
    it('is not served', async () => {
      for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
        const res = await ctx().request('GET', path, { headers: { Accept: 'text/html' } });
        expect(res.status).withContext(path).toBe(404);
        expect(res.text).not.toContain('swagger');
      }
    });
  },
  PRODUCTION,
);

describeOnBothDatabases(
  'API documentation in production with SIGAP_API_DOCS=true',
  (ctx) => {
    it('is served', async () => {
      const res = await ctx().request('GET', '/api/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.paths['/api/v1/auth/logout'].post.responses['204']).toBeDefined();
      // Answers come with the shared contracts' schemas, errors with problem details.
      const login = res.body.paths['/api/v1/auth/login'].post.responses;
      expect(login['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/LoginResponse',
      });
      expect(login['429'].content['application/problem+json']).toBeDefined();
      expect(res.body.components.schemas['LoginResponse'].required).toContain('accessToken');
      expect((await ctx().request('GET', '/api/docs')).status).toBe(200);
    });
  },
  { ...PRODUCTION, SIGAP_API_DOCS: 'true' },
);
