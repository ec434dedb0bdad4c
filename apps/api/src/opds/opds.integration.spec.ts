import type { OpdView, Problem, RequesterContactView } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';

describeOnBothDatabases('OPDs and requester contacts', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);

  it('creates an OPD with its domains, lists and updates it, audits each change', async () => {
    const token = await as('helpdesk.bali');
    const created = await ctx().request<OpdView>('POST', '/api/v1/opds', {
      token,
      body: { name: 'Dinas Kesehatan', office: 'bali', emailDomains: ['DinKes.BaliProv.go.id'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.emailDomains).toEqual(['dinkes.baliprov.go.id']);

    const list = await ctx().request<OpdView[]>('GET', '/api/v1/opds', { token });
    expect(list.body.map((o) => o.name)).toContain('Dinas Kesehatan');

    const updated = await ctx().request<OpdView>('PATCH', `/api/v1/opds/${created.body.id}`, {
      token,
      body: { emailDomains: ['dinkes.baliprov.go.id', 'rsud.baliprov.go.id'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.emailDomains).toEqual(['dinkes.baliprov.go.id', 'rsud.baliprov.go.id']);
    const read = await ctx().request<OpdView>('GET', `/api/v1/opds/${created.body.id}`, { token });
    expect(read.body.emailDomains.length).toBe(2);
  });

  it('refuses a domain another OPD of the office uses (409), allows it in another office', async () => {
    const token = await as('helpdesk.bali');
    const clash = await ctx().request<Problem>('POST', '/api/v1/opds', {
      token,
      body: { name: 'RSUD Bali Mandara', office: 'bali', emailDomains: ['rsud.baliprov.go.id'] },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('opd.domain_taken');
    expect(clash.body.errors).toEqual([
      { path: 'emailDomains[0]', message: 'domain sudah dipakai OPD lain' },
    ]);
    const other = await ctx().request<OpdView>('POST', '/api/v1/opds', {
      token: await as('admin'),
      body: { name: 'RSUD', office: 'riau', emailDomains: ['rsud.baliprov.go.id'] },
    });
    expect(other.status).toBe(201);
  });

  it('validates the body with field paths', async () => {
    const res = await ctx().request<Problem>('POST', '/api/v1/opds', {
      token: await as('helpdesk.bali'),
      body: { name: '', office: 'bali', emailDomains: ['bukan domain'] },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['emailDomains', 'name']);
  });

  it("refuses another office's OPDs (403) and unknown offices (404)", async () => {
    const res = await ctx().request<Problem>('POST', '/api/v1/opds', {
      token: await as('helpdesk.riau'),
      body: { name: 'Dinas Pendidikan', office: 'bali', emailDomains: [] },
    });
    expect(res.status).toBe(403);
    const unknown = await ctx().request<Problem>('POST', '/api/v1/opds', {
      token: await as('admin'),
      body: { name: 'X', office: 'atlantis', emailDomains: [] },
    });
    expect(unknown.status).toBe(404);
  });

  it('creates a contact whose OPD comes from its e-mail domain', async () => {
    const token = await as('helpdesk.bali');
    const res = await ctx().request<RequesterContactView>('POST', '/api/v1/contacts', {
      token,
      body: { office: 'bali', name: 'Ni Made Sari', email: 'Made@dinkes.baliprov.go.id' },
    });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe('made@dinkes.baliprov.go.id');
    expect(res.body.opdId).toBeTruthy();
    const found = await ctx().request<RequesterContactView[]>('GET', '/api/v1/contacts?q=Sari', {
      token,
    });
    expect(found.body.map((c) => c.id)).toContain(res.body.id);
    const none = await ctx().request<Problem>('POST', '/api/v1/contacts', {
      token,
      body: { office: 'bali', name: 'Tanpa Alamat' },
    });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('contact.invalid');
  });
});
