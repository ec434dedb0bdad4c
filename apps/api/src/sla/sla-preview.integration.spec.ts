import type { Problem, ServicePreviewResponse } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';
import { CHAINING_NOTE } from '@sigap/api-sla';

const URL = '/api/v1/sla/preview/service';

describeOnBothDatabases('SLA preview of a whole service', (ctx) => {
  it("chains Bali's SOP steps, each starting at the previous step's target", async () => {
    const token = await ctx().token('helpdesk.bali@sigap.local');
    const res = await ctx().request<ServicePreviewResponse>('POST', URL, {
      token,
      body: { office: 'bali', code: 'pengembangan-aplikasi', start: '2026-06-08T09:00+08:00' },
    });
    expect(res.status).withContext(res.text).toBe(200);
    const { steps, total } = res.body;
    expect(res.body.zoneAbbreviation).toBe('WITA');
    expect(res.body.note).toBe(CHAINING_NOTE);
    // Step 1 gives no time: no due, and step 2 starts at the start.
    expect(steps[0]).toEqual(
      jasmine.objectContaining({ order: 1, target: null, start: '2026-06-08T09:00:00+08:00' }),
    );
    expect(steps[0].problem).toBeTruthy();
    // Step 2 "1- 2 Jam" from Mon 8 Jun 09.00: target 10.00, limit 11.00.
    expect(steps[1]).toEqual(
      jasmine.objectContaining({
        start: '2026-06-08T09:00:00+08:00',
        target: '2026-06-08T10:00:00+08:00',
        limit: '2026-06-08T11:00:00+08:00',
      }),
    );
    // Step 3 "1 Jam" from the target of step 2 (10.00): 11.00.
    expect(steps[2].start).toBe('2026-06-08T10:00:00+08:00');
    expect(steps[2].target).toBe('2026-06-08T11:00:00+08:00');
    // Step 4 "7 Hari" from Mon 8 Jun 11.00: working days 9, 10, 11, 12, 15, (16 Jun is
    // 1 Muharam) 17, 18 -> Thu 18 Jun 11.00.
    expect(steps[3].start).toBe('2026-06-08T11:00:00+08:00');
    expect(steps[3].target).toBe('2026-06-18T11:00:00+08:00');
    for (let i = 4; i < steps.length; i++) expect(steps[i].start).toBe(steps[i - 1].target!);
    // Total "28 s.d. 29 hari kerja": a range, limit one working day after the target.
    expect(total.text).toBe('28 s.d. 29 hari kerja');
    expect(total.target! < total.limit!).toBeTrue();
  });

  it("uses a channel's own time (Tebing Tinggi walk-in: 30 minutes)", async () => {
    const token = await ctx().token('helpdesk.tebingtinggi@sigap.local');
    const res = await ctx().request<ServicePreviewResponse>('POST', URL, {
      token,
      body: {
        office: 'tebingtinggi',
        code: 'inventarisasi-aplikasi',
        start: '2026-06-08T09:00+07:00',
        channel: 'walk-in',
      },
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.total.target).toBe('2026-06-08T09:30:00+07:00');
    const letter = await ctx().request<ServicePreviewResponse>('POST', URL, {
      token,
      body: { office: 'tebingtinggi', code: 'inventarisasi-aplikasi', start: '2026-06-08T09:00' },
    });
    // "1 Hari" from Mon 8 Jun 09.00 WIB: Tue 9 Jun 09.00.
    expect(letter.body.total.target).toBe('2026-06-09T09:00:00+07:00');
  });

  it('defaults the start to now and refuses another office or a bad start', async () => {
    const token = await ctx().token('helpdesk.riau@sigap.local');
    const now = await ctx().request<ServicePreviewResponse>('POST', URL, {
      token,
      body: { office: 'riau', code: 'konsultasi-tata-kelola-spbe' },
    });
    expect(now.status).withContext(now.text).toBe(200);
    expect(Math.abs(Date.parse(now.body.start) - Date.now())).toBeLessThan(60_000);
    expect(now.body.total.target).toMatch(/\+07:00$/);
    const other = await ctx().request<Problem>('POST', URL, {
      token,
      body: { office: 'bali', code: 'pengembangan-aplikasi' },
    });
    expect(other.status).toBe(403);
    const bad = await ctx().request<Problem>('POST', URL, {
      token,
      body: { office: 'riau', code: 'konsultasi-tata-kelola-spbe', start: 'besok' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].path).toBe('start');
  });
});
