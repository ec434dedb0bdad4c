import type { OpdView, Problem, RequesterContactView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';

describeOnBothDatabases('requester contacts: list, edit, deactivate', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);
  let contact: RequesterContactView;
  let dinkes: OpdView;
  let diskominfo: OpdView;

  const audit = async (id: string) =>
    (
      await ctx()
        .app.get(DataSource)
        .query(
          "SELECT action FROM audit_log WHERE entity_type = 'requester_contact' AND entity_id = ? ORDER BY id",
          [id],
        )
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    const token = await as('helpdesk.bali');
    const opd = async (name: string, domain: string) =>
      (
        await ctx().request<OpdView>('POST', '/api/v1/opds', {
          token,
          body: { name, office: 'bali', emailDomains: [domain] },
        })
      ).body;
    dinkes = await opd('Dinas Kesehatan', 'diskes.baliprov.go.id');
    diskominfo = await opd('Dinas Kominfo', 'diskominfos.baliprov.go.id');
    const res = await ctx().request<RequesterContactView>('POST', '/api/v1/contacts', {
      token,
      body: { office: 'bali', name: 'Kadek Ayu', email: 'kadek@diskes.baliprov.go.id' },
    });
    expect(res.status).toBe(201);
    contact = res.body;
  });

  it('who may list, read, create, edit and deactivate (admin, manager, agent of the office)', async () => {
    const cases: { who: string; status: number }[] = [
      { who: 'admin', status: 200 },
      { who: 'kadis.bali', status: 200 },
      { who: 'helpdesk.bali', status: 200 },
      { who: 'kasi-ai.bali', status: 403 },
      { who: 'helpdesk.riau', status: 403 },
      { who: 'kadis.riau', status: 403 },
    ];
    for (const { who, status } of cases) {
      const token = await as(who);
      const list = await ctx().request('GET', '/api/v1/contacts?office=bali', { token });
      expect(list.status).withContext(`${who} list`).toBe(status);
      const read = await ctx().request('GET', `/api/v1/contacts/${contact.id}`, { token });
      expect(read.status).withContext(`${who} read`).toBe(status);
      const created = await ctx().request('POST', '/api/v1/contacts', {
        token,
        body: { office: 'bali', name: `Kontak ${who}`, phone: '0361 222333' },
      });
      expect(created.status)
        .withContext(`${who} create`)
        .toBe(status === 200 ? 201 : status);
      const edited = await ctx().request('PATCH', `/api/v1/contacts/${contact.id}`, {
        token,
        body: { phone: '0361 700800' },
      });
      expect(edited.status).withContext(`${who} edit`).toBe(status);
      for (const verb of ['deactivate', 'activate']) {
        const res = await ctx().request('POST', `/api/v1/contacts/${contact.id}/${verb}`, {
          token,
        });
        expect(res.status).withContext(`${who} ${verb}`).toBe(status);
      }
    }
    const anonymous = await ctx().request('GET', `/api/v1/contacts/${contact.id}`);
    expect(anonymous.status).toBe(401);
  });

  it('edits name, phone and OPD; a new e-mail picks the OPD of its domain', async () => {
    const token = await as('helpdesk.bali');
    expect(contact.opdId).toBe(dinkes.id);
    const cleared = await ctx().request<RequesterContactView>(
      'PATCH',
      `/api/v1/contacts/${contact.id}`,
      { token, body: { name: '  Kadek Ayu Lestari ', opdId: null } },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.name).toBe('Kadek Ayu Lestari');
    expect(cleared.body.opdId).toBeNull();

    const moved = await ctx().request<RequesterContactView>(
      'PATCH',
      `/api/v1/contacts/${contact.id}`,
      { token, body: { email: 'Kadek@DiskomInfos.BaliProv.go.id' } },
    );
    expect(moved.body.email).toBe('kadek@diskominfos.baliprov.go.id');
    expect(moved.body.opdId).toBe(diskominfo.id);

    const named = await ctx().request<RequesterContactView>(
      'PATCH',
      `/api/v1/contacts/${contact.id}`,
      { token, body: { opdId: dinkes.id, phone: null } },
    );
    expect(named.body.opdId).toBe(dinkes.id);
    expect(named.body.phone).toBeNull();

    const read = await ctx().request<RequesterContactView>(
      'GET',
      `/api/v1/contacts/${contact.id}`,
      {
        token,
      },
    );
    expect(read.body).toEqual(named.body);
    expect(await audit(contact.id)).toContain('contact.updated');
  });

  it('refuses bad edits with field paths, and unknown contacts or OPDs', async () => {
    const token = await as('helpdesk.bali');
    const noWay = await ctx().request<Problem>('PATCH', `/api/v1/contacts/${contact.id}`, {
      token,
      body: { email: null, phone: null },
    });
    expect(noWay.status).toBe(400);
    expect(noWay.body.code).toBe('contact.invalid');

    const invalid = await ctx().request<Problem>('PATCH', `/api/v1/contacts/${contact.id}`, {
      token,
      body: { name: '', phone: 'telepon', email: 'bukan-email', office: 'riau' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.path).sort()).toEqual([
      'email',
      'name',
      'office',
      'phone',
    ]);

    const riauOpd = await ctx().request<OpdView>('POST', '/api/v1/opds', {
      token: await as('admin'),
      body: { name: 'Dinas Kesehatan Riau', office: 'riau', emailDomains: [] },
    });
    const foreign = await ctx().request<Problem>('PATCH', `/api/v1/contacts/${contact.id}`, {
      token,
      body: { opdId: riauOpd.body.id },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('opd.not_found');

    const missing = await ctx().request<Problem>(
      'PATCH',
      '/api/v1/contacts/00000000-0000-4000-8000-000000000000',
      { token, body: { name: 'X' } },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('contact.not_found');

    const unknownOffice = await ctx().request<Problem>('POST', '/api/v1/contacts', {
      token: await as('admin'),
      body: { office: 'atlantis', name: 'X', phone: '0361 1234' },
    });
    expect(unknownOffice.status).toBe(404);

    // Nothing of the refused edits was stored.
    const read = await ctx().request<RequesterContactView>(
      'GET',
      `/api/v1/contacts/${contact.id}`,
      {
        token,
      },
    );
    expect(read.body.name).toBe('Kadek Ayu Lestari');
    expect(read.body.opdId).toBe(dinkes.id);
  });

  it('a deactivated contact leaves the list, cannot open tickets, and comes back when activated', async () => {
    const token = await as('helpdesk.bali');
    const names = async (query = '') =>
      (
        await ctx().request<RequesterContactView[]>('GET', `/api/v1/contacts?q=Kadek${query}`, {
          token,
        })
      ).body.map((c) => c.id);
    const open = () =>
      ctx().request<TicketDetail | Problem>('POST', '/api/v1/tickets', {
        token,
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'letter',
          subject: 'Permohonan aplikasi',
          description: 'Uji kontak nonaktif.',
          requesterId: contact.id,
        },
      });

    const off = await ctx().request<RequesterContactView>(
      'POST',
      `/api/v1/contacts/${contact.id}/deactivate`,
      { token },
    );
    expect(off.status).toBe(200);
    expect(off.body.active).toBeFalse();
    expect(off.body.deactivatedAt).toBeTruthy();
    expect(await names()).not.toContain(contact.id);
    expect(await names('&includeInactive=true')).toContain(contact.id);
    const refused = await open();
    expect(refused.status).toBe(400);
    expect((refused.body as Problem).errors).toEqual([
      { path: 'requesterId', message: 'kontak pemohon nonaktif' },
    ]);

    const on = await ctx().request<RequesterContactView>(
      'POST',
      `/api/v1/contacts/${contact.id}/activate`,
      { token },
    );
    expect(on.body.active).toBeTrue();
    expect(on.body.deactivatedAt).toBeNull();
    expect(await names()).toContain(contact.id);
    const opened = await open();
    expect(opened.status).toBe(201);
    expect((opened.body as TicketDetail).requester.id).toBe(contact.id);
    const actions = await audit(contact.id);
    expect(actions).toContain('contact.deactivated');
    expect(actions).toContain('contact.activated');
  });
});
