import type { IncidentView, ProblemDetail, ProblemView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

const incident = (office: string, subject: string) => ({
  office,
  services: [],
  impact: 'rendah',
  urgency: 'rendah',
  channel: 'phone',
  subject,
  description: 'Sertifikat TLS website kedaluwarsa lagi.',
  requester: { name: 'Operator', phone: '+62 361 1' },
});

describeOnBothDatabases('problem records: per office, gathering recurring incidents', (ctx) => {
  let app: TestApp;
  let agent: string;
  let riau: string;
  let manager: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const req = <T = any>(method: string, path: string, token: string, body?: unknown) =>
    app.request<T>(method, path, { token, body });

  beforeAll(async () => {
    app = ctx();
    agent = await app.token('helpdesk.bali@sigap.local');
    riau = await app.token('helpdesk.riau@sigap.local');
    manager = await app.token('kadis.bali@sigap.local');
  });

  it('records a problem, links incidents of its office only, and keeps other offices out', async () => {
    const bad = await req('POST', '/api/v1/problems', agent, {
      office: 'bali',
      title: '',
      description: 'x',
      status: 'lost',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'description',
      'status',
      'title',
    ]);
    const other = await req('POST', '/api/v1/problems', riau, {
      office: 'bali',
      title: 'Bukan kantor saya',
      description: 'Mencoba menulis masalah kantor lain.',
    });
    expect(other.status).toBe(403);

    const created = await req<ProblemView>('POST', '/api/v1/problems', agent, {
      office: 'bali',
      title: 'Sertifikat TLS website OPD kedaluwarsa berulang',
      description: 'Tiap tiga bulan website OPD tidak dapat dibuka karena sertifikat habis.',
    });
    expect(created.status).withContext(created.text).toBe(201);
    const id = created.body.id;
    expect([created.body.status, created.body.incidentCount]).toEqual(['open', 0]);

    const a = (
      await req<TicketDetail>(
        'POST',
        '/api/v1/incidents',
        agent,
        incident('bali', 'Website Diskes mati'),
      )
    ).body;
    const b = (
      await req<TicketDetail>(
        'POST',
        '/api/v1/incidents',
        agent,
        incident('bali', 'Website Disdik mati'),
      )
    ).body;
    const foreign = (
      await req<TicketDetail>(
        'POST',
        '/api/v1/incidents',
        riau,
        incident('riau', 'Website Riau mati'),
      )
    ).body;
    for (const n of [a.number, b.number]) {
      const linked = await req<ProblemDetail>('POST', `/api/v1/problems/${id}/incidents`, agent, {
        incident: n,
      });
      expect(linked.status).withContext(linked.text).toBe(200);
    }
    const cross = await req('POST', `/api/v1/problems/${id}/incidents`, agent, {
      incident: foreign.number,
    });
    expect(cross.status).toBe(404);
    const request = await req('POST', `/api/v1/problems/${id}/incidents`, agent, { incident: 'x' });
    expect(request.status).toBe(400);

    const detail = await req<ProblemDetail>('GET', `/api/v1/problems/${id}`, manager);
    expect(detail.status).toBe(200);
    expect(detail.body.incidents.map((i) => i.number).sort()).toEqual([a.number, b.number].sort());
    const view = await req<IncidentView>('GET', `/api/v1/incidents/${a.number}`, agent);
    expect(view.body.problem).toEqual({ id, title: created.body.title, status: 'open' });

    // Another office reads nothing of it.
    expect((await req('GET', `/api/v1/problems/${id}`, riau)).status).toBe(404);
    expect((await req('GET', '/api/v1/problems?office=bali', riau)).status).toBe(403);
    const riauList = await req<ProblemView[]>('GET', '/api/v1/problems', riau);
    expect(riauList.body.some((p) => p.id === id)).toBeFalse();
    const foreignEdit = await req('PUT', `/api/v1/problems/${id}`, riau, {
      title: 'x',
      description: 'diubah kantor lain',
      expectedVersion: 1,
    });
    expect(foreignEdit.status).toBe(404);

    const edited = await req<ProblemView>('PUT', `/api/v1/problems/${id}`, manager, {
      title: created.body.title,
      description: created.body.description,
      status: 'known-error',
      rootCause: 'Perpanjangan sertifikat masih manual.',
      workaround: 'Perpanjang manual lewat panel hosting.',
      expectedVersion: 1,
    });
    expect(edited.status).withContext(edited.text).toBe(200);
    expect([edited.body.status, edited.body.incidentCount, edited.body.version]).toEqual([
      'known-error',
      2,
      2,
    ]);
    const stale = await req('PUT', `/api/v1/problems/${id}`, agent, {
      title: 'Lama',
      description: 'versi lama sekali',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const list = await req<ProblemView[]>('GET', '/api/v1/problems?status=known-error', agent);
    expect(list.body.map((p) => p.id)).toContain(id);

    const unlinked = await req<ProblemDetail>(
      'DELETE',
      `/api/v1/problems/${id}/incidents/${b.number}`,
      agent,
    );
    expect(unlinked.status).withContext(unlinked.text).toBe(200);
    expect(unlinked.body.incidents.map((i) => i.number)).toEqual([a.number]);
    const audit = await app.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ entityType: 'problem', entityId: id });
    expect(audit.map((e) => e.action).sort()).toEqual([
      'problem.created',
      'problem.incident_linked',
      'problem.incident_linked',
      'problem.incident_unlinked',
      'problem.updated',
    ]);
  });
});
