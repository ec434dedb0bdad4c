import type {
  AttachmentView,
  CannedResponseView,
  Problem,
  TicketDetail,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describeOnBothDatabases('canned responses', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);
  const create = async (who: string, body: Record<string, unknown>) =>
    ctx().request<CannedResponseView & Problem>('POST', '/api/v1/canned-responses', {
      token: await as(who),
      body,
    });

  it('creates, lists, updates and deletes a response of the office, auditing each change', async () => {
    const created = await create('helpdesk.bali', {
      office: 'bali',
      title: 'Dokumen belum lengkap',
      body: 'Yth. {{nama_pemohon}}, permohonan {{nomor}} ({{ layanan }}) menunggu KAK.',
    });
    expect(created.status).withContext(created.text).toBe(201);
    expect(created.body.placeholders).toEqual(['nama_pemohon', 'nomor', 'layanan']);

    const listed = await ctx().request<CannedResponseView[]>(
      'GET',
      '/api/v1/canned-responses?office=bali',
      { token: await as('kasi-ai.bali') },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.map((c) => c.title)).toContain('Dokumen belum lengkap');

    const updated = await ctx().request<CannedResponseView>(
      'PATCH',
      `/api/v1/canned-responses/${created.body.id}`,
      { token: await as('kadis.bali'), body: { body: 'Terima kasih, {{nama_pemohon}}.' } },
    );
    expect(updated.status).withContext(updated.text).toBe(200);
    expect(updated.body.title).toBe('Dokumen belum lengkap');
    expect(updated.body.placeholders).toEqual(['nama_pemohon']);

    const removed = await ctx().request('DELETE', `/api/v1/canned-responses/${created.body.id}`, {
      token: await as('helpdesk.bali'),
    });
    expect(removed.status).toBe(204);
    const gone = await ctx().request<Problem>(
      'GET',
      `/api/v1/canned-responses/${created.body.id}`,
      { token: await as('helpdesk.bali') },
    );
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('canned.not_found');

    const audit = await ctx()
      .app.get(DataSource)
      .query('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id', [created.body.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'canned-response.created',
      'canned-response.updated',
      'canned-response.deleted',
    ]);
  });

  it('refuses unknown placeholders and a taken title, with field paths', async () => {
    const unknown = await create('helpdesk.bali', {
      office: 'bali',
      title: 'Alamat',
      body: 'Kirim ke {{alamat}} untuk {{nomor}}.',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('canned.unknown_placeholder');
    expect(unknown.body.errors?.[0].path).toBe('body');

    expect(
      (await create('helpdesk.bali', { office: 'bali', title: 'Salam', body: 'Halo' })).status,
    ).toBe(201);
    const taken = await create('admin', { office: 'bali', title: ' salam ', body: 'Halo lagi' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('canned.title_taken');
    const elsewhere = await create('admin', { office: 'riau', title: 'Salam', body: 'Halo' });
    expect(elsewhere.status).toBe(201);
  });

  it('validates the body: missing fields, extra fields, too long', async () => {
    const res = await create('helpdesk.bali', {
      office: 'bali',
      title: '',
      body: 'x'.repeat(20001),
      extra: true,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors ?? []).map((e) => e.path).sort();
    expect(paths).toEqual(['body', 'extra', 'title']);
  });

  it('access matrix: who may read and who may change', async () => {
    const own = await create('helpdesk.bali', { office: 'bali', title: 'Matriks', body: 'Isi' });
    expect(own.status).toBe(201);
    const id = own.body.id;
    const cases: { who: string; method: string; path: string; body?: object; status: number }[] = [
      { who: 'helpdesk.riau', method: 'GET', path: '?office=bali', status: 403 },
      { who: 'helpdesk.riau', method: 'GET', path: `/${id}`, status: 403 },
      { who: 'helpdesk.riau', method: 'PATCH', path: `/${id}`, body: { title: 'X' }, status: 403 },
      { who: 'helpdesk.riau', method: 'DELETE', path: `/${id}`, status: 403 },
      { who: 'kasi-ai.bali', method: 'GET', path: `/${id}`, status: 200 },
      { who: 'kasi-ai.bali', method: 'PATCH', path: `/${id}`, body: { title: 'X' }, status: 403 },
      { who: 'kasi-ai.bali', method: 'DELETE', path: `/${id}`, status: 403 },
      {
        who: 'kasi-ai.bali',
        method: 'POST',
        path: '',
        body: { office: 'bali', title: 'Y', body: 'Y' },
        status: 403,
      },
      { who: 'admin', method: 'GET', path: '?office=bali', status: 200 },
      { who: 'admin', method: 'PATCH', path: `/${id}`, body: { title: 'Matriks 2' }, status: 200 },
    ];
    for (const c of cases) {
      const res = await ctx().request(c.method, `/api/v1/canned-responses${c.path}`, {
        token: await as(c.who),
        body: c.body,
      });
      expect(res.status).withContext(`${c.who} ${c.method} ${c.path}`).toBe(c.status);
    }
    const anonymous = await ctx().request('GET', '/api/v1/canned-responses?office=bali');
    expect(anonymous.status).toBe(401);
  });

  it('sends a reply with an attachment uploaded to the ticket, and refuses a foreign one', async () => {
    const token = await as('helpdesk.bali');
    const open = async (subject: string) =>
      (
        await ctx().request<TicketDetail>('POST', '/api/v1/tickets', {
          token,
          body: {
            office: 'bali',
            service: 'pengembangan-aplikasi',
            channel: 'portal',
            subject,
            description: 'Balasan dengan lampiran.',
            requester: { name: 'Komang', email: 'komang@bappeda.baliprov.go.id' },
          },
        })
      ).body;
    const ticket = await open('Balasan berlampiran');
    const other = await open('Tiket lain');
    const upload = async (number: string) => {
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'jawaban.pdf');
      const res = await fetch(`${ctx().baseUrl}/api/v1/tickets/${number}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as AttachmentView;
    };
    const mine = await upload(ticket.number);
    const foreign = await upload(other.number);

    const refused = await ctx().request<Problem>(
      'POST',
      `/api/v1/tickets/${ticket.number}/replies`,
      {
        token,
        body: { body: 'Terlampir.', attachmentIds: [foreign.id], expectedVersion: ticket.version },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ticket.attachment_invalid');
    expect(refused.body.errors?.[0].path).toBe('attachmentIds[0]');

    const sent = await ctx().request<TicketDetail>(
      'POST',
      `/api/v1/tickets/${ticket.number}/replies`,
      {
        token,
        body: { body: 'Terlampir.', attachmentIds: [mine.id], expectedVersion: ticket.version },
      },
    );
    expect(sent.status).withContext(sent.text).toBe(200);
    const timeline = await ctx().request<TimelineEntryView[]>(
      'GET',
      `/api/v1/tickets/${ticket.number}/timeline`,
      { token },
    );
    const reply = timeline.body.find((e) => e.kind === 'reply');
    expect(reply?.data).toEqual({ attachmentIds: [mine.id] });
    const rows: { payload: string }[] = await ctx()
      .app.get(DataSource)
      .query("SELECT payload FROM outbox WHERE kind = 'ticket.reply'");
    const payloads = rows
      .map((row) => JSON.parse(row.payload) as { ticket: string; attachmentIds?: string[] })
      .filter((payload) => payload.ticket === ticket.number);
    expect(payloads.length).toBe(1);
    expect(payloads[0].attachmentIds).toEqual([mine.id]);
  });
});
