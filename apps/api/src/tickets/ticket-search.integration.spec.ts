import type { Problem, TicketDetail, TicketPage } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { ensureSqliteFullText } from '@sigap/api-database';
import { searchTerms, ticketNumberPrefix } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

describe('search terms', () => {
  it('keeps words of letters and digits, folded, three characters or more', () => {
    expect(searchTerms('  Aplikas SIMPEG, e-mail: ayu.lestari@Diskes.go.id  ')).toEqual([
      'aplikas',
      'simpeg',
      'mail',
      'ayu',
      'lestari',
      'diskes',
    ]);
    // Query syntax of either engine is only ever a separator.
    expect(searchTerms('+jaringan* -"kantor" (bupati) ~<>@:^')).toEqual([
      'jaringan',
      'kantor',
      'bupati',
    ]);
    expect(searchTerms('di ke ya')).toEqual([]);
  });

  it('recognises a ticket number or its beginning', () => {
    expect(ticketNumberPrefix('bali-2026-000042')).toBe('BALI-2026-000042%');
    expect(ticketNumberPrefix('ADUBALI-2026-00')).toBe('ADUBALI-2026-00%');
    expect(ticketNumberPrefix('BALI-2026')).toBe('BALI-2026%');
    expect(ticketNumberPrefix('BALI-2026-0000421')).toBe('BALI-2026-0000421%');
    expect(ticketNumberPrefix('BALI-2026-0000000421')).toBeNull();
    expect(ticketNumberPrefix("BALI-2026-%' OR 1=1")).toBeNull();
  });
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * `GET /api/v1/tickets?q=`: ranked full-text search over a ticket's number, subject and
 * description, timeline messages and notes, requester and attachment names, within the queue's
 * access rules, on both databases.
 */
describeOnBothDatabases('tickets: search', (ctx, kind) => {
  let app: TestApp;
  let agent: string;
  let admin: string;
  const opened: Record<string, TicketDetail> = {};

  const open = async (
    token: string,
    office: string,
    service: string,
    subject: string,
    description: string,
    requester: { name: string; email: string },
  ) => {
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token,
      body: { office, service, channel: 'email', subject, description, requester },
    });
    expect(res.status).withContext(res.text).toBe(201);
    return res.body;
  };
  const search = async (q: string, token = agent, extra = '') => {
    const res = await app.request<TicketPage & Problem>(
      'GET',
      `/api/v1/tickets?q=${encodeURIComponent(q)}${extra}`,
      { token },
    );
    expect(res.status).withContext(res.text).toBe(200);
    return res.body;
  };
  const numbers = async (q: string, token = agent, extra = '') =>
    (await search(q, token, extra)).items.map((i) => i.number);

  beforeAll(async () => {
    app = ctx();
    agent = await app.token('helpdesk.bali@sigap.local');
    admin = await app.token('admin@sigap.local');
    opened['simpeg'] = await open(
      agent,
      'bali',
      'pengembangan-aplikasi',
      'Pembangunan aplikasi SIMPEG',
      'Aplikasi kepegawaian untuk seluruh OPD.',
      { name: 'Ni Made Ayu Lestari', email: 'ayu.lestari@diskes.baliprov.go.id' },
    );
    opened['jaringan'] = await open(
      agent,
      'bali',
      'pengembangan-aplikasi',
      'Permohonan integrasi data',
      'Integrasi data kependudukan dengan jaringan intra pemerintah.',
      { name: 'Komang Wirawan', email: 'komang@bappeda.baliprov.go.id' },
    );
    // The word only in a reply, a note and an attachment of a third ticket.
    const third = await open(
      agent,
      'bali',
      'pengembangan-aplikasi',
      'Permohonan baru',
      'Tanpa kata kunci di sini.',
      { name: 'Putu Sari', email: 'putu@dispar.baliprov.go.id' },
    );
    const reply = await app.request<TicketDetail>(
      'POST',
      `/api/v1/tickets/${third.number}/replies`,
      {
        token: agent,
        body: {
          body: 'Mohon kirimkan dokumen arsitektur aplikasi yang diperbarui.',
          expectedVersion: third.version,
        },
      },
    );
    expect(reply.status).withContext(reply.text).toBe(200);
    const note = await app.request<TicketDetail>('POST', `/api/v1/tickets/${third.number}/notes`, {
      token: agent,
      body: {
        body: 'Koordinasi dengan tim persandian soal sertifikat.',
        expectedVersion: reply.body.version,
      },
    });
    expect(note.status).withContext(note.text).toBe(200);
    const form = new FormData();
    form.append(
      'file',
      new Blob([PDF], { type: 'application/pdf' }),
      'notulen rapat koordinasi.pdf',
    );
    const up = await fetch(`${app.baseUrl}/api/v1/tickets/${third.number}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${agent}` },
      body: form,
    });
    expect(up.status)
      .withContext(await up.text())
      .toBe(201);
    opened['third'] = third;
    // Another office's ticket with the same words.
    const gorontalo = await app.token('helpdesk.gorontalo@sigap.local');
    const services = await app.request<{ code: string }[]>(
      'GET',
      '/api/v1/catalog/services?office=gorontalo',
      { token: gorontalo },
    );
    expect(services.status).withContext(services.text).toBe(200);
    opened['gorontalo'] = await open(
      gorontalo,
      'gorontalo',
      services.body[0].code,
      'Pembangunan aplikasi SIMPEG daerah',
      'Aplikasi kepegawaian.',
      { name: 'Ani', email: 'ani@gorontaloprov.go.id' },
    );
  }, 60_000);

  it('finds by a word prefix in the subject or description, ranked above other matches', async () => {
    const found = await numbers('aplikas');
    // In the subject and description of the first; only in a reply of the third.
    expect(found).toEqual([opened['simpeg'].number, opened['third'].number]);
    expect(await numbers('kependudukan')).toEqual([opened['jaringan'].number]);
    const page = await search('aplikas');
    expect(page.items[0].matchedIn).toContain('ticket');
    expect(page.items[0].matchedIn).not.toContain('requester');
    expect(page.items[1].matchedIn).toEqual(['message']);
  });

  it('needs every word, in any order and case', async () => {
    expect(await numbers('SIMPEG pembangunan')).toEqual([opened['simpeg'].number]);
    expect(await numbers('simpeg jaringan')).toEqual([]);
  });

  it('finds by requester name and e-mail address', async () => {
    expect(await numbers('wirawan')).toEqual([opened['jaringan'].number]);
    const byMail = await search('ayu.lestari@diskes.baliprov.go.id');
    expect(byMail.items.map((i) => i.number)).toEqual([opened['simpeg'].number]);
    expect(byMail.items[0].matchedIn).toContain('requester');
  });

  it('finds by internal note, reply and attachment file name', async () => {
    expect(await numbers('persandian')).toEqual([opened['third'].number]);
    expect(await numbers('arsitektur')).toEqual([opened['third'].number]);
    const byFile = await search('notulen');
    expect(byFile.items.map((i) => i.number)).toEqual([opened['third'].number]);
    expect(byFile.items[0].matchedIn).toEqual(['attachment']);
  });

  it('finds by ticket number, whole or its beginning, first', async () => {
    const number = opened['jaringan'].number;
    const whole = await search(number.toLowerCase());
    expect(whole.items[0].number).toBe(number);
    expect(whole.items[0].matchedIn).toContain('number');
    const start = await numbers(number.slice(0, number.length - 2));
    expect(start).toContain(number);
  });

  it("keeps to the queue's access rules and filters", async () => {
    // The agent of Bali never sees Gorontalo's ticket; the admin sees both, or one office.
    expect(await numbers('simpeg')).toEqual([opened['simpeg'].number]);
    const all = await numbers('simpeg', admin);
    expect(all.sort()).toEqual([opened['simpeg'].number, opened['gorontalo'].number].sort());
    expect(await numbers('simpeg', admin, '&office=gorontalo')).toEqual([
      opened['gorontalo'].number,
    ]);
    expect(await numbers('aplikas', agent, '&status=closed')).toEqual([]);
  });

  it('pages a ranked result with its own cursor', async () => {
    const first = await search('aplikas', agent, '&limit=1');
    expect(first.items.map((i) => i.number)).toEqual([opened['simpeg'].number]);
    expect(first.nextCursor).not.toBeNull();
    const second = await search('aplikas', agent, `&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.number)).toEqual([opened['third'].number]);
    expect(second.nextCursor).toBeNull();
    const bad = await app.request<Problem>('GET', '/api/v1/tickets?q=aplikas&cursor=WzEsMl0', {
      token: agent,
    });
    expect(bad.status).toBe(400);
  });

  it('treats query syntax and quotes as plain text, and short words as a subject filter', async () => {
    for (const q of ['"aplikas', "aplikas' OR 1=1 --", '+aplikas* -(simpeg)', 'aplikas)(*', '*']) {
      const res = await app.request<TicketPage>(
        'GET',
        `/api/v1/tickets?q=${encodeURIComponent(q)}`,
        { token: agent },
      );
      expect(res.status).withContext(`${q}: ${res.text}`).toBe(200);
    }
    // Read as the words "aplikas" and "simpeg", both needed (no exclusion operator).
    expect(await numbers('+aplikas* -(simpeg)')).toEqual([opened['simpeg'].number]);
    // Two letters are below the index's word length: the subject is matched as text.
    expect(await numbers('ru')).toEqual([opened['third'].number]);
  });

  if (kind === 'sqlite') {
    it('repairs the SQLite index when a rebuilt table lost its triggers', async () => {
      const data = app.app.get(DataSource);
      await data.query('DROP TRIGGER tickets_fts_ai');
      expect(await ensureSqliteFullText(data)).toBeTrue();
      expect(await ensureSqliteFullText(data)).toBeFalse();
      const later = await open(
        agent,
        'bali',
        'pengembangan-aplikasi',
        'Perbaikan surel dinas',
        'Kotak surat penuh.',
        { name: 'Gede', email: 'gede@diskominfos.baliprov.go.id' },
      );
      expect(await numbers('surel')).toEqual([later.number]);
      expect(await numbers('kependudukan')).toEqual([opened['jaringan'].number]);
    });
  }
});
