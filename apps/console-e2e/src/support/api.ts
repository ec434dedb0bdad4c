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
