/**
 * A ticket walked through its steps over HTTP in the seed offices, at instants set on the test
 * clock: open, act as a position holder (`<position>.<office>@sigap.local`), complete steps.
 */
import type { TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import type { TestApp } from './test-app';

export const wib = (local: string) => new Date(`${local}+07:00`).toISOString();
export const wita = (local: string) => new Date(`${local}+08:00`).toISOString();

export async function userId(app: TestApp, email: string): Promise<string> {
  const rows: { id: string }[] = await app.app
    .get(DataSource)
    .query('SELECT id FROM users WHERE email = ?', [email]);
  return rows[0]?.id;
}

export interface Flow {
  app: TestApp;
  clock: Clock;
  t: TicketDetail;
}

export function flow(ctx: () => TestApp, office: string) {
  const f = {} as Flow;
  const token = (who: string) => f.app.token(`${who}.${office}@sigap.local`);
  const act = async (who: string, path: string, body: Record<string, unknown> = {}) => {
    const res = await f.app.request<TicketDetail>('POST', `/api/v1/tickets/${f.t.number}/${path}`, {
      token: await token(who),
      body: { expectedVersion: f.t.version, ...body },
    });
    expect(res.status).withContext(`${who} ${path}: ${res.text}`).toBe(200);
    f.t = res.body;
    return res.body;
  };
  const open = async (service: string, channel: string, subject: string) => {
    const res = await f.app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await token('helpdesk'),
      body: {
        office,
        service,
        channel,
        subject,
        description: subject,
        requester: { name: 'Pemohon Uji', email: `pemohon@opd.${office}.go.id` },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    f.t = res.body;
    return res.body;
  };
  /** Completes a step as `who` (the step's position holder; helpdesk for the requester's side). */
  const complete = async (order: number, who: string) => {
    const step = f.t.steps.find((s) => s.order === order);
    expect(step?.status).withContext(`step ${order}`).toBe('active');
    if (!step?.requesterSide)
      expect(step?.assignee?.id)
        .withContext(`step ${order} assignee`)
        .toBe(await userId(f.app, `${who}.${office}@sigap.local`));
    return act(who, `steps/${order}/complete`, { output: `Langkah ${order} selesai` });
  };
  beforeAll(() => {
    f.app = ctx();
    f.clock = f.app.app.get(Clock);
  });
  afterAll(() => f.clock.release());
  return { f, act, open, complete };
}
