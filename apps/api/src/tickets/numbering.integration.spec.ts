import type { TicketDetail } from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** Concurrent openings never share or skip a number (counter row locked until commit). */
describeOnBothDatabases('tickets: numbering under concurrent openings', (ctx) => {
  let app: TestApp;

  afterAll(() => app.app.get(Clock).release());

  it('30 simultaneous openings in two offices get gap-free, unique numbers per office', async () => {
    app = ctx();
    app.app.get(Clock).set('2026-06-02T02:00:00Z');
    const open = async (office: string, service: string, i: number) => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await app.token(`helpdesk.${office}@sigap.local`),
        body: {
          office,
          service,
          channel: 'letter',
          subject: `Paralel ${i}`,
          description: 'x',
          requester: { name: `Pemohon ${i}`, email: `p${i}@opd.go.id` },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body.number;
    };
    await app.token('helpdesk.bali@sigap.local');
    await app.token('helpdesk.riau@sigap.local');
    const numbers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => open('bali', 'pengembangan-aplikasi', i)),
      ...Array.from({ length: 10 }, (_, i) => open('riau', 'konsultasi-tata-kelola-spbe', i)),
    ]);
    const seq = (prefix: string) =>
      numbers
        .filter((n) => n.startsWith(`${prefix}-2026-`))
        .map((n) => Number(n.slice(-6)))
        .sort((a, b) => a - b);
    const bali = seq(numbers[0].split('-')[0]);
    const riau = seq(numbers[20].split('-')[0]);
    expect(new Set(numbers).size).toBe(30);
    expect(bali).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(riau).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  }, 60_000);
});
