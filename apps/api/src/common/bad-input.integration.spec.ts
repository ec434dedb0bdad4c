import type { Problem } from '@sigap/contracts';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { baliEmailTicket } from '../testing/ticket-bodies';

/** `{"a":{"a":...}}` nested `depth` levels, written as text (JSON.stringify overflows first). */
function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describeOnBothDatabases('bad input answers a clear 4xx', (ctx) => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = ctx();
    admin = await app.token('admin@sigap.local');
  });

  const send = (
    method: string,
    path: string,
    raw: string | undefined,
    contentType = 'application/json',
  ) =>
    app.request<Problem>(method, path, {
      token: admin,
      raw,
      headers: raw === undefined ? {} : { 'Content-Type': contentType },
    });

  describe('deeply nested JSON', () => {
    const routes: Array<[string, string]> = [
      ['POST', '/api/v1/catalog/services'],
      ['PUT', '/api/v1/calendars/bali/schedule'],
      ['POST', '/api/v1/sla/preview'],
      ['POST', '/api/v1/tickets'],
      ['POST', '/api/v1/complaints'],
      ['POST', '/api/v1/public/complaints'],
    ];

    it('is refused with 400 request.too_deep before validation, as a whole body or in a field', async () => {
      for (const [method, path] of routes) {
        for (const raw of [
          deepObject(5000),
          deepArray(5000),
          `{"office":"bali","name":${deepObject(3000)}}`,
        ]) {
          const res = await send(method, path, raw);
          expect(res.status)
            .withContext(`${method} ${path} ${raw.slice(0, 20)}`)
            .toBe(400);
          expect(res.body.code).withContext(`${method} ${path}`).toBe('request.too_deep');
          expect(res.headers.get('content-type')).toContain('application/problem+json');
        }
      }
    });

    it('still accepts the nesting real bodies have', async () => {
      const res = await send(
        'POST',
        '/api/v1/sla/preview',
        JSON.stringify({ office: 'bali', start: '2026-03-18T09:00+08:00', duration: '1 Hari' }),
      );
      expect(res.status).withContext(res.text).toBe(200);
    });
  });

  describe('null for a field that is optional but not nullable', () => {
    let opdId: string;
    let contactId: string;
    let cannedId: string;
    let mailboxId: string;

    beforeAll(async () => {
      const opd = await app.request('POST', '/api/v1/opds', {
        token: admin,
        body: { office: 'bali', name: 'Dinas Uji Null', emailDomains: ['uji-null.baliprov.go.id'] },
      });
      expect(opd.status).withContext(opd.text).toBe(201);
      opdId = opd.body.id;
      const contact = await app.request('POST', '/api/v1/contacts', {
        token: admin,
        body: {
          office: 'bali',
          name: 'Kontak Uji Null',
          phone: '0361 222333',
          email: 'kontak.null@example.id',
        },
      });
      expect(contact.status).withContext(contact.text).toBe(201);
      contactId = contact.body.id;
      const canned = await app.request('POST', '/api/v1/canned-responses', {
        token: admin,
        body: { office: 'bali', title: 'Judul uji null', body: 'Isi uji null' },
      });
      expect(canned.status).withContext(canned.text).toBe(201);
      cannedId = canned.body.id;
      const mailbox = await app.request('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: {
          name: 'uji-null',
          office: 'bali',
          host: '127.0.0.1',
          port: 1,
          secure: false,
          user: 'uji@diskominfos.baliprov.go.id',
          password: 'sandi-uji-null',
          enabled: false,
        },
      });
      expect(mailbox.status).withContext(mailbox.text).toBe(201);
      mailboxId = mailbox.body.id;
    });

    it('is refused with 400 naming the field, and nothing changes', async () => {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [`/api/v1/opds/${opdId}`, { name: null }, 'name'],
        [`/api/v1/opds/${opdId}`, { emailDomains: null }, 'emailDomains'],
        [`/api/v1/contacts/${contactId}`, { name: null }, 'name'],
        [`/api/v1/canned-responses/${cannedId}`, { title: null }, 'title'],
        [`/api/v1/canned-responses/${cannedId}`, { body: null }, 'body'],
        [
          `/api/v1/admin/mailboxes/${mailboxId}`,
          { expectedVersion: 1, tlsRejectUnauthorized: null },
          'tlsRejectUnauthorized',
        ],
      ];
      for (const [path, body, field] of cases) {
        const res = await app.request<Problem>('PATCH', path, { token: admin, body });
        expect(res.status).withContext(`${path} ${field}: ${res.text}`).toBe(400);
        expect(res.body.errors)
          .withContext(path)
          .toEqual([
            { path: field, message: 'tidak boleh null; tinggalkan kolom ini bila tidak diubah' },
          ]);
      }
      const opd = await app.request('GET', `/api/v1/opds/${opdId}`, { token: admin });
      expect(opd.body.name).toBe('Dinas Uji Null');
      expect(opd.body.emailDomains).toEqual(['uji-null.baliprov.go.id']);
      const contact = await app.request('GET', `/api/v1/contacts/${contactId}`, { token: admin });
      expect(contact.body.name).toBe('Kontak Uji Null');
      const canned = await app.request('GET', '/api/v1/canned-responses?office=bali', {
        token: admin,
      });
      const mine = (canned.body as Array<{ id: string; title: string; body: string }>).find(
        (c) => c.id === cannedId,
      );
      expect(mine).toEqual(
        jasmine.objectContaining({ title: 'Judul uji null', body: 'Isi uji null' }),
      );
    });

    it('still clears the fields that are nullable by design', async () => {
      const res = await app.request('PATCH', `/api/v1/contacts/${contactId}`, {
        token: admin,
        body: { phone: null },
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.phone).toBeNull();
    });
  });

  describe('bodies that are not JSON', () => {
    let opdId: string;

    beforeAll(async () => {
      const opd = await app.request('POST', '/api/v1/opds', {
        token: admin,
        body: { office: 'bali', name: 'Dinas Uji Media', emailDomains: [] },
      });
      expect(opd.status).withContext(opd.text).toBe(201);
      opdId = opd.body.id;
    });

    it('answers 415 for text/plain and form data on JSON routes, and changes nothing', async () => {
      for (const [raw, type] of [
        ['{"name":"Diganti"}', 'text/plain'],
        ['name=Diganti', 'application/x-www-form-urlencoded'],
        [
          '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nDiganti\r\n--x--',
          'multipart/form-data; boundary=x',
        ],
      ]) {
        const res = await send('PATCH', `/api/v1/opds/${opdId}`, raw, type);
        expect(res.status).withContext(`${type}: ${res.text}`).toBe(415);
        expect(res.body.code).toBe('request.unsupported_media_type');
      }
      const post = await send('POST', '/api/v1/tickets', 'subject=x', 'text/plain');
      expect(post.status).toBe(415);
      const opd = await app.request('GET', `/api/v1/opds/${opdId}`, { token: admin });
      expect(opd.body.name).toBe('Dinas Uji Media');
    });

    it('answers 400 for a PATCH or PUT without a body, and for JSON that is not an object', async () => {
      const empty = await send('PATCH', `/api/v1/opds/${opdId}`, undefined);
      expect(empty.status).withContext(empty.text).toBe(400);
      expect(empty.body.code).toBe('request.body_missing');
      const emptyJson = await send('PATCH', `/api/v1/opds/${opdId}`, '', 'application/json');
      expect(emptyJson.status).withContext(emptyJson.text).toBe(400);
      for (const raw of ['[]', '[{"name":"x"}]']) {
        const res = await send('PATCH', `/api/v1/opds/${opdId}`, raw);
        expect(res.status).withContext(raw).toBe(400);
        expect(res.body.code).withContext(raw).toBe('request.body_not_object');
      }
    });

    it('reports missing required fields of a POST without a body as required', async () => {
      const res = await send('POST', '/api/v1/opds', undefined);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { path: 'name', message: 'wajib diisi' },
        { path: 'office', message: 'wajib diisi' },
        { path: 'emailDomains', message: 'wajib diisi' },
      ]);
    });
  });

  describe('the same request sent several times at once', () => {
    it('creates one canned response and answers the others 409, never 500', async () => {
      const body = { office: 'bali', title: 'Judul serentak', body: 'Isi serentak' };
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          app.request<Problem>('POST', '/api/v1/canned-responses', { token: admin, body }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses)
        .withContext(results.map((r) => r.text).join('\n'))
        .toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body.code).toBe('canned.title_taken');
      }
    });

    it('creates one user and answers the others 409, never 500', async () => {
      const body = {
        email: 'serentak@sigap.local',
        name: 'Pengguna Serentak',
        roles: ['agent'],
        office: 'bali',
        password: 'kata-sandi-serentak',
      };
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          app.request<Problem>('POST', '/api/v1/users', { token: admin, body }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses)
        .withContext(results.map((r) => r.text).join('\n'))
        .toEqual([201, 409, 409, 409]);
      // The one answered 201 is stored: no other request's rollback took it away.
      const users = await app.request<Array<{ id: string; email: string }>>(
        'GET',
        '/api/v1/users?office=bali',
        { token: admin },
      );
      const created = results.find((r) => r.status === 201)?.body as unknown as { id: string };
      expect(users.body.filter((u) => u.email === 'serentak@sigap.local')).toEqual([
        jasmine.objectContaining({ id: created.id }),
      ]);
    });
  });

  describe('validation messages', () => {
    it('names a missing field as required, once, not by its length limit', async () => {
      const res = await app.request<Problem>('POST', '/api/v1/users', { token: admin, body: {} });
      expect(res.status).toBe(400);
      const byPath = new Map<string, string[]>();
      for (const e of res.body.errors ?? [])
        byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
      expect(byPath.get('email')).toEqual(['wajib diisi']);
      expect(byPath.get('name')).toEqual(['wajib diisi']);
      expect(byPath.get('password')).toEqual(['wajib diisi']);
      expect(byPath.get('roles')).toEqual(['wajib diisi']);
    });

    it('gives one message per field: the type before the length', async () => {
      const res = await app.request<Problem>('POST', '/api/v1/auth/login', {
        body: { email: 5, password: 'x' },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'email', message: 'harus berupa teks' }]);
    });
  });

  describe('impossible dates and months', () => {
    it('are refused with 400 in every date and month query', async () => {
      for (const path of [
        '/api/v1/tickets?dueBefore=2026-02-30',
        '/api/v1/tickets?dueAfter=2026-02-30T10:00:00Z',
        '/api/v1/tickets?dueBefore=2026-13-01',
        '/api/v1/survey/ikm?from=2026-02-30',
        '/api/v1/survey/ikm?to=2026-13-01',
        '/api/v1/survey/comments?from=2025-02-29',
        '/api/v1/dashboards/compliance?from=2026-13',
        '/api/v1/dashboards/compliance?to=2026-00',
        '/api/v1/reports/evaluation?period=month&month=2026-13',
      ]) {
        const res = await app.request<Problem>('GET', path, { token: admin });
        expect(res.status)
          .withContext(`${path}: ${res.text.slice(0, 200)}`)
          .toBe(400);
      }
    });

    it('still accepts real ones, leap days included', async () => {
      for (const path of [
        '/api/v1/tickets?dueBefore=2028-02-29',
        '/api/v1/tickets?dueAfter=2026-03-18T09:00:00%2B08:00',
        '/api/v1/survey/ikm?from=2028-02-29&to=2028-12-31',
      ]) {
        const res = await app.request('GET', path, { token: admin });
        expect(res.status)
          .withContext(`${path}: ${res.text.slice(0, 200)}`)
          .toBe(200);
      }
    });

    it('are refused in the body of a closure', async () => {
      const res = await app.request<Problem>('POST', '/api/v1/calendars/bali/closures?year=2026', {
        token: admin,
        body: {
          date: '2026-02-30',
          name: 'Tanggal mustahil',
          type: 'penutupan-kantor',
          source: 'uji',
        },
      });
      expect(res.status).withContext(res.text).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toContain('date');
    });
  });

  describe('an unknown office', () => {
    it('is 404 office.not_found on every route that takes one', async () => {
      for (const path of [
        '/api/v1/tickets?office=atlantis',
        '/api/v1/tickets/assignees?office=atlantis',
        '/api/v1/canned-responses?office=atlantis',
        '/api/v1/users?office=atlantis',
        '/api/v1/contacts?office=atlantis',
        '/api/v1/opds?office=atlantis',
        '/api/v1/admin/mailboxes?office=atlantis',
        '/api/v1/catalog/services?office=atlantis',
        '/api/v1/dashboards/compliance?office=atlantis',
        '/api/v1/dashboards/backlog?office=atlantis',
        '/api/v1/reports/evaluation?office=atlantis&period=year&year=2026',
        '/api/v1/survey/ikm?office=atlantis',
        '/api/v1/survey/comments?office=atlantis',
        '/api/v1/calendars/atlantis',
        '/api/v1/calendars/atlantis/closures?year=2026',
        '/api/v1/offices/atlantis',
        '/api/v1/catalog/services/atlantis/pengembangan-aplikasi',
        '/api/v1/tickets?office=BALI',
      ]) {
        const res = await app.request<Problem>('GET', path, { token: admin });
        expect(res.status).withContext(path).toBe(404);
        expect(res.body.code).withContext(path).toBe('office.not_found');
      }
    });

    it('leaves known offices and an empty office parameter alone', async () => {
      for (const path of ['/api/v1/tickets?office=bali', '/api/v1/opds?office=', '/api/v1/opds']) {
        const res = await app.request('GET', path, { token: admin });
        expect(res.status).withContext(path).toBe(200);
      }
    });

    it('still asks for credentials first', async () => {
      const res = await app.request('GET', '/api/v1/tickets?office=atlantis', { token: null });
      expect(res.status).toBe(401);
    });
  });

  describe('control characters', () => {
    it('are refused in names and single-line fields', async () => {
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        [
          'POST',
          '/api/v1/opds',
          { office: 'bali', name: 'Dinas\u0000Uji', emailDomains: [] },
          'name',
        ],
        ['POST', '/api/v1/contacts', { office: 'bali', name: 'Kontak\u0007' }, 'name'],
        [
          'POST',
          '/api/v1/canned-responses',
          { office: 'bali', title: 'Judul\nbaru', body: 'x' },
          'title',
        ],
        [
          'POST',
          '/api/v1/users',
          {
            email: 'ctl@sigap.local',
            name: 'Nama\u001b[31m',
            roles: ['agent'],
            office: 'bali',
            password: 'kata-sandi-uji',
          },
          'name',
        ],
        [
          'POST',
          '/api/v1/tickets',
          baliEmailTicket('Subjek\u0000', 'Uraian', { name: 'Ani', email: 'ani@example.id' }),
          'subject',
        ],
        [
          'POST',
          '/api/v1/opds',
          { office: 'bali', name: 'Dinas \u202eUji', emailDomains: [] },
          'name',
        ],
        [
          'POST',
          '/api/v1/opds',
          { office: 'bali', name: 'Dinas \ud800 Uji', emailDomains: [] },
          'name',
        ],
        ['PUT', '/api/v1/offices/bali/signer', { headName: 'Kepala\u0000' }, 'headName'],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await app.request<Problem>(method, path, { token: admin, body });
        expect(res.status)
          .withContext(`${path} ${JSON.stringify(body)}: ${res.text}`)
          .toBe(400);
        expect(res.body.errors?.map((e) => e.path))
          .withContext(path)
          .toContain(field);
      }
    });

    it('make an e-mail address that is not valid Unicode a 400, not a 500', async () => {
      for (const [path, body] of [
        ['/api/v1/portal/auth/link', { email: 'lone \ud800 surrogate' }],
        ['/api/v1/auth/password-reset', { email: 'x\udc00@example.id' }],
      ] as const) {
        const res = await app.request('POST', path, { body });
        expect(res.status).withContext(`${path}: ${res.text}`).toBe(400);
      }
    });

    it('keep line breaks and tabs in multi-line fields but refuse the rest there', async () => {
      const ok = await app.request('POST', '/api/v1/canned-responses', {
        token: admin,
        body: { office: 'bali', title: 'Dua baris', body: 'Yth. Bapak/Ibu,\r\n\tterima kasih.' },
      });
      expect(ok.status).withContext(ok.text).toBe(201);
      expect(ok.body.body).toBe('Yth. Bapak/Ibu,\r\n\tterima kasih.');
      const bad = await app.request<Problem>('POST', '/api/v1/canned-responses', {
        token: admin,
        body: { office: 'bali', title: 'NUL di isi', body: 'Isi\u0000tersembunyi' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        { path: 'body', message: 'tidak boleh memuat karakter kendali' },
      ]);
    });

    it('accept ordinary Unicode: accents, emoji, zero-width joiners', async () => {
      const res = await app.request('POST', '/api/v1/opds', {
        token: admin,
        body: { office: 'bali', name: 'Dinas Rāka 👨‍👩‍👧 Ñ', emailDomains: [] },
      });
      expect(res.status).withContext(res.text).toBe(201);
      expect(res.body.name).toBe('Dinas Rāka 👨‍👩‍👧 Ñ');
    });
  });
});
