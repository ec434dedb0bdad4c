import type { OfficeSigner } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { pdfTextLines } from '@sigap/api-reports';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** The head of office who signs the evaluation report: set by admins, printed on the report. */
describeOnBothDatabases('offices: the evaluation report signer', (ctx) => {
  let app: TestApp;
  const path = (office: string) => `/api/v1/offices/${office}/signer`;
  const put = async (who: string, body: unknown, office = 'bali') =>
    app.request<OfficeSigner>('PUT', path(office), { token: await app.token(who), body });
  const report = async () => {
    const res = await fetch(
      `${app.baseUrl}/api/v1/reports/evaluation?office=bali&period=month&month=2026-04`,
      {
        headers: {
          authorization: `Bearer ${await app.token('kadis.bali@sigap.local')}`,
          'x-forwarded-for': app.freshIp(),
        },
      },
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).withContext(body.toString()).toBe(200);
    return pdfTextLines(body);
  };

  beforeAll(() => (app = ctx()));

  it('is unset at first: the report leaves lines to sign and fill in', async () => {
    const res = await app.request<OfficeSigner>('GET', path('bali'), {
      token: await app.token('kadis.bali@sigap.local'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ headName: null, headNip: null });
    const lines = await report();
    expect(lines.some((l) => /^Nama: \.{10}/.test(l))).toBeTrue();
    expect(lines.some((l) => /^NIP: \.{10}/.test(l))).toBeTrue();
  }, 30_000);

  it('admins set it (spaces tidied, audited); the report prints the name and NIP', async () => {
    const res = await put('admin@sigap.local', {
      headName: '  Dr. I Gusti  Ngurah Rāka, S.Kom. ',
      headNip: '197001012000031001',
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body).toEqual({
      headName: 'Dr. I Gusti Ngurah Rāka, S.Kom.',
      headNip: '197001012000031001',
    });
    const lines = await report();
    expect(lines).toContain('Dr. I Gusti Ngurah Rāka, S.Kom.');
    expect(lines).toContain('NIP: 197001012000031001');
    const audit = (await app.app
      .get(DataSource)
      .query(
        "SELECT action, after FROM audit_log WHERE action = 'office.signer_changed'",
      )) as Array<{
      after: string;
    }>;
    expect(audit.length).toBe(1);
    expect(JSON.parse(audit[0].after).headNip).toBe('197001012000031001');
  }, 30_000);

  it('clears a field with an empty value and keeps fields left out', async () => {
    const res = await put('admin@sigap.local', { headNip: '' });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body).toEqual({ headName: 'Dr. I Gusti Ngurah Rāka, S.Kom.', headNip: null });
  });

  it('rejects a NIP that is not 18 digits, markup or control characters in the name', async () => {
    for (const body of [
      { headNip: '19700101200003100' },
      { headNip: '19700101200003100x' },
      { headName: '<script>alert(1)</script>' },
      { headName: 'Nama\u0007' },
      { headName: 'x'.repeat(121) },
      { headName: 42 },
    ]) {
      const res = await put('admin@sigap.local', body);
      expect(res.status).withContext(JSON.stringify(body)).toBe(400);
    }
  });

  it('only admins change it; managers read their own office only; others 403', async () => {
    expect((await put('kadis.bali@sigap.local', { headName: 'Bukan Admin' })).status).toBe(403);
    expect((await put('helpdesk.bali@sigap.local', { headName: 'Bukan Admin' })).status).toBe(403);
    const other = await app.request('GET', path('bali'), {
      token: await app.token('kadis.riau@sigap.local'),
    });
    expect(other.status).toBe(403);
    const helpdesk = await app.request('GET', path('bali'), {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(helpdesk.status).toBe(403);
    expect((await app.request('GET', path('bali'), { token: null })).status).toBe(401);
    expect((await put('admin@sigap.local', { headName: 'X' }, 'atlantis')).status).toBe(404);
  });
});
