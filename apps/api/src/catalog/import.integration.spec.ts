import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportResult, OfficeCalendarView, Problem } from '@sigap/contracts';
import { describeOnBothDatabases, REPO_ROOT } from '../testing/test-app';

// The published texts, as kept beside the importer's own tests.
const SEEDS = join(REPO_ROOT, 'libs/standards/src/lib/import/fixtures');
const IMPORT = '/api/v1/catalog/import';

/** Published documents and what the importer must find in them. */
const DOCUMENTS = [
  { file: '000_df2d88f25a8d8d47.txt', office: 'riau', steps: 11 },
  { file: '001_b25c037c7d62f35d.txt', office: 'tebingtinggi', steps: 12 },
  { file: '003_14dbb5ee8a5f65ee.txt', office: 'bali', steps: 7 },
  { file: '004_ade76595ee709662.txt', office: 'gorontalo', steps: 20 },
];

describeOnBothDatabases('catalog import', (ctx) => {
  const text = (file: string) => readFileSync(join(SEEDS, file), 'utf8');
  const post = async (body: string | Buffer, contentType: string, query = '') =>
    ctx().request<ImportResult & Problem>('POST', IMPORT + query, {
      token: await ctx().token('admin@sigap.local'),
      raw: body,
      headers: { 'Content-Type': contentType },
    });

  for (const doc of DOCUMENTS) {
    it(`reads ${doc.file} (${doc.office}) into a draft with ${doc.steps} steps`, async () => {
      const res = await post(text(doc.file), 'text/plain; charset=utf-8', `?office=${doc.office}`);
      expect(res.status).withContext(res.text.slice(0, 300)).toBe(200);
      expect(res.body.steps.length).toBe(doc.steps);
      expect(res.body.draft.steps.length).toBe(doc.steps);
      expect(res.body.name).toBeTruthy();
      expect(res.body.draft.office).toBe(doc.office);
    });
  }

  it("adds mixed step times with the office's working day and derives the cost", async () => {
    const sop = text('shapes/sop-step-costs-free.txt');
    // Riau works the civil-service week, 7.5 h a day: 15 + 30 + 60 + 2 x 450 + 15 = 1020
    // working minutes = 17 jam.
    const riau = await post(sop, 'text/plain', '?office=riau');
    expect(riau.status).withContext(riau.text.slice(0, 300)).toBe(200);
    expect(riau.body.draft.serviceTime.text).toBe('17 jam');
    expect(riau.body.draft.cost).toEqual({ text: 'Gratis (Rp 0)', free: true });
    expect(riau.body.draft.derived).toEqual(['requirements', 'products', 'serviceTime', 'cost']);
    expect(riau.body.cost).toBeNull();

    // With 8-hour days (Mon-Fri 08.00-16.00, no break): 2 x 480 + 120 = 1080 = 18 jam.
    const admin = await ctx().token('admin@sigap.local');
    const calendar = await ctx().request<OfficeCalendarView>('GET', '/api/v1/calendars/riau', {
      token: admin,
    });
    const day = [{ start: '08:00', end: '16:00' }];
    const put = await ctx().request<OfficeCalendarView>('PUT', '/api/v1/calendars/riau/schedule', {
      token: admin,
      body: {
        expectedVersion: calendar.body.version,
        week: { mon: day, tue: day, wed: day, thu: day, fri: day },
        variants: calendar.body.variants,
      },
    });
    expect(put.status).withContext(put.text).toBe(200);
    try {
      const eight = await post(sop, 'text/plain', '?office=riau');
      expect(eight.body.draft.serviceTime.text).toBe('18 jam');
    } finally {
      const back = await ctx().request<OfficeCalendarView>(
        'PUT',
        '/api/v1/calendars/riau/schedule',
        {
          token: admin,
          body: {
            expectedVersion: put.body.version,
            week: calendar.body.week,
            variants: calendar.body.variants,
          },
        },
      );
      expect(back.status).withContext(back.text).toBe(200);
    }
    // Without an office, the civil-service day.
    expect((await post(sop, 'text/plain')).body.draft.serviceTime.text).toBe('17 jam');
  });

  it("answers 422 with the importer's message for an unreadable document", async () => {
    const res = await post('Selamat pagi, ini bukan standar pelayanan.', 'text/plain');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('catalog.unreadable_document');
    expect(res.body.detail).toMatch(/^Dokumen tidak dapat dibaca: ./);
  });

  it('answers 415 for a type it does not read', async () => {
    const pdf = await post('%PDF-1.7', 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.headers.get('content-type')).toContain('application/problem+json');
    const json = await post(JSON.stringify({ text: 'x' }), 'application/json');
    expect(json.status).toBe(415);
  });

  it('answers 413 for a document over the size limit', async () => {
    const res = await post('Persyaratan\n'.repeat(100_000), 'text/plain');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('request.too_large');
  });

  it('answers 404 for an unknown office and 403 for an executor', async () => {
    expect((await post(text(DOCUMENTS[0].file), 'text/plain', '?office=atlantis')).status).toBe(
      404,
    );
    const executor = await ctx().request('POST', IMPORT, {
      token: await ctx().token('tim-spbe.bali@sigap.local'),
      raw: text(DOCUMENTS[2].file),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(executor.status).toBe(403);
  });
});
