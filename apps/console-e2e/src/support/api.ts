import type { LoginResponse, TicketDetail, UserView } from '@sigap/contracts';
import { e2e } from './global-setup';
import { DEMO_PASSWORD } from './session';

/** Calls the running API directly (setting up data a test needs); throws on a non-2xx answer. */
export async function callApi<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${e2e.sigap.baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function apiToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const login = await callApi<LoginResponse>('POST', '/api/v1/auth/login', null, {
    email,
    password,
  });
  return login.accessToken;
}

/** A new ticket of the Bali standard (pengembangan-aplikasi), opened by the Bali helpdesk. */
export async function openBaliTicket(subject: string): Promise<TicketDetail> {
  const token = await apiToken('helpdesk.bali@sigap.local');
  return callApi<TicketDetail>('POST', '/api/v1/tickets', token, {
    office: 'bali',
    service: 'pengembangan-aplikasi',
    channel: 'portal',
    subject,
    description: 'Mohon dibuatkan aplikasi.',
    requester: { name: 'Ni Luh Ayu', email: 'ayu@baliprov.go.id' },
  });
}

/**
 * Runs a ticket of the Bali standard through its documents and steps 2-7 (each holder completes
 * their own), then replies, resolves and closes it: a closed ticket with step timings.
 */
export async function runBaliTicketToClosed(ticket: TicketDetail): Promise<TicketDetail> {
  let t = ticket;
  const act = async (who: string, path: string, body: Record<string, unknown> = {}) => {
    t = await callApi<TicketDetail>(
      'POST',
      `/api/v1/tickets/${t.number}/${path}`,
      await apiToken(`${who}.bali@sigap.local`),
      { expectedVersion: t.version, ...body },
    );
  };
  for (const item of ['r1', 'r2']) {
    await act('helpdesk', `checklist/${item}/receive`);
    await act('helpdesk', `checklist/${item}/verify`);
  }
  const holders = ['kasubbag-tu', 'kabid-iai', 'kasi-ai', 'kasi-ai', 'kasi-ai', 'kadis'];
  for (let i = 0; i < holders.length; i++)
    await act(holders[i], `steps/${i + 2}/complete`, { output: `Hasil langkah ${i + 2}` });
  await act('helpdesk', 'replies', { body: 'Permohonan telah selesai.' });
  await act('helpdesk', 'resolve');
  await act('helpdesk', 'close');
  return t;
}

/** A Bali user created by the admin, holding `positions`. */
export async function createBaliUser(name: string, positions: string[]): Promise<UserView> {
  const token = await apiToken('admin@sigap.local');
  return callApi<UserView>('POST', '/api/v1/users', token, {
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@diskominfos.baliprov.go.id`,
    name,
    roles: ['executor'],
    office: 'bali',
    password: 'sandi-uji-e2e',
    positions,
  });
}
