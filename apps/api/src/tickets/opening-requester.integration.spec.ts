import type { Problem, RequesterContactView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';

/**
 * Opening a ticket for an existing requester contact (`requesterId`): the service pointer and
 * the contact are read together, so each refusal must still come out as its own clear 4xx, in
 * the same order (service first), with nothing written.
 */
describeOnBothDatabases('tickets: opening for an existing requester contact', (ctx) => {
  let token: string;
  let contact: RequesterContactView;
  let riauContact: RequesterContactView;

  const count = async (table: string) =>
    Number((await ctx().app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const open = (body: Record<string, unknown>) =>
    ctx().request<TicketDetail | Problem>('POST', '/api/v1/tickets', {
      token,
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Permohonan aplikasi',
        description: 'Uji pemohon terdaftar.',
        ...body,
      },
    });

  beforeAll(async () => {
    token = await ctx().token('helpdesk.bali@sigap.local');
    const made = await ctx().request<RequesterContactView>('POST', '/api/v1/contacts', {
      token,
      body: { office: 'bali', name: 'Wayan Sari', email: 'wayan@diskes.baliprov.go.id' },
    });
    expect(made.status).withContext(made.text).toBe(201);
    contact = made.body;
    const riau = await ctx().request<RequesterContactView>('POST', '/api/v1/contacts', {
      token: await ctx().token('admin@sigap.local'),
      body: { office: 'riau', name: 'Siti Riau', phone: '0761 123456' },
    });
    expect(riau.status).withContext(riau.text).toBe(201);
    riauContact = riau.body;
  });

  it('opens the ticket for the named contact and shows them as its requester', async () => {
    const res = await open({ requesterId: contact.id });
    expect(res.status).withContext(res.text).toBe(201);
    const ticket = res.body as TicketDetail;
    expect(ticket.requester).toEqual(contact);
    expect(ticket.service).toBe('pengembangan-aplikasi');
    const stored = await ctx()
      .app.get(DataSource)
      .query('SELECT requester_contact_id AS c FROM tickets WHERE number = ?', [ticket.number]);
    expect(stored[0].c).toBe(contact.id);
  });

  it('refuses an unknown contact (404), an unknown service first (422), another office (400)', async () => {
    const tickets = await count('tickets');
    const outbox = await count('outbox');

    const unknown = await open({ requesterId: '00000000-0000-4000-8000-00000000abcd' });
    expect(unknown.status).withContext(unknown.text).toBe(404);
    expect((unknown.body as Problem).code).toBe('contact.not_found');

    const both = await open({
      service: 'layanan-tidak-ada',
      requesterId: '00000000-0000-4000-8000-00000000abcd',
    });
    expect(both.status).withContext(both.text).toBe(422);
    expect((both.body as Problem).code).toBe('ticket.unknown_service');

    const foreign = await open({ requesterId: riauContact.id });
    expect(foreign.status).withContext(foreign.text).toBe(400);
    expect((foreign.body as Problem).errors).toEqual([
      { path: 'requesterId', message: 'kontak kantor lain' },
    ]);

    expect(await count('tickets')).toBe(tickets);
    expect(await count('outbox')).toBe(outbox);
  });
});
