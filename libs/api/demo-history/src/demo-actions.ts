// What every step of the demo history goes through: the acting users (cached), the ticket each
// action answers with, and the count and time of the actions by kind.
import type { TicketDetail } from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { UsersService, type AuthUser } from '@sigap/api-identity';
import { working } from './demo-pacing';
import type { EventQueue } from './event-queue';

/** A ticket of the history being carried along: its office and the ticket as last answered. */
export interface Acting {
  office: { offsetMs: number };
  detail: TicketDetail | null;
}

/** The acting side of a generation: one per service; `reset` starts a generation's counts. */
export class DemoActions {
  /** Milliseconds spent per kind of domain action. */
  timing: Record<string, number> = {};
  /** Domain actions taken. */
  count = 0;
  private readonly users = new Map<string, AuthUser>();

  constructor(
    private readonly clock: Clock,
    private readonly usersService: UsersService,
  ) {}

  reset(): void {
    this.timing = {};
    this.count = 0;
  }

  later(queue: EventQueue, c: Acting, delayMs: number, run: () => Promise<void>) {
    queue.push(working(this.clock.nowMs() + delayMs, c.office.offsetMs), run);
  }

  detail(c: Acting): TicketDetail {
    if (!c.detail) throw new Error('Riwayat demo: tiket belum dibuka');
    return c.detail;
  }

  async act(c: Acting, kind: string, run: () => Promise<TicketDetail>): Promise<void> {
    c.detail = await this.timed(`ticket.${kind}`, run);
    this.count++;
  }

  async timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.timing[kind] = (this.timing[kind] ?? 0) + performance.now() - started;
    }
  }

  async user(email: string): Promise<AuthUser> {
    const cached = this.users.get(email);
    if (cached) return cached;
    const entity = await this.usersService.findByEmail(email);
    const user = entity ? await this.usersService.loadAuthUser(entity.id) : null;
    if (!user) throw new Error(`Riwayat demo: pengguna ${email} tidak ada`);
    this.users.set(email, user);
    this.users.set(user.id, user);
    return user;
  }

  async userById(id: string, fallback: AuthUser): Promise<AuthUser> {
    const cached = this.users.get(id);
    if (cached) return cached;
    const user = (await this.usersService.loadAuthUser(id)) ?? fallback;
    this.users.set(id, user);
    return user;
  }
}
