/**
 * Sign-in to the requester portal by a link sent by e-mail. Who may get one: a registered,
 * active requester contact, or any address on an OPD's e-mail domain (it becomes a contact of
 * that OPD). Deactivated and unverified contacts get none, and a deactivated contact's sessions
 * end. The answer is the same whether or not the address is known; requests are limited per
 * address and per client address, counted in the database (shared by every API instance). Links
 * are single use and expire after `SIGAP_PORTAL_LINK_MINUTES`; sessions after
 * `SIGAP_PORTAL_SESSION_HOURS`. Tokens are stored only as SHA-256 hashes.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { PortalMe } from '@sigap/contracts';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import { zoneAbbreviation } from '@sigap/api-offices';
import { OpdDomainEntity, OpdEntity } from '@sigap/api-opds';
import { OpdsService } from '@sigap/api-opds';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxService } from '@sigap/api-outbox';
import { SharedRateLimiter, type RateLimit } from '@sigap/api-common';
import { PortalError } from './portal-error';
import { PortalLinkEntity, PortalSessionEntity } from './portal.entities';

export const PORTAL_LINK_KIND = 'portal.sign-in-link';
/** Link requests allowed per address, and per client address, in the window. */
export const LINK_LIMIT_PER_ADDRESS = 5;
export const LINK_LIMIT_PER_IP = 20;
const LIMIT_WINDOW_MS = 15 * 60_000;
export const LINK_LIMITS: { ip: RateLimit; address: RateLimit } = {
  ip: { bucket: 'portal-link-ip', limit: LINK_LIMIT_PER_IP, windowMs: LIMIT_WINDOW_MS },
  address: {
    bucket: 'portal-link-address',
    limit: LINK_LIMIT_PER_ADDRESS,
    windowMs: LIMIT_WINDOW_MS,
  },
};

/** Milliseconds a sign-in link, and a session, stays valid under this configuration. */
export function linkTtlMs(config: AppConfig): number {
  return config.portalLinkMinutes * 60_000;
}

export function sessionTtlMs(config: AppConfig): number {
  return config.portalSessionHours * 3_600_000;
}

/** The neutral answer to every link request (the link's lifetime from the configuration). */
export function linkSentMessage(config: AppConfig): string {
  const minutes = config.portalLinkMinutes;
  const lifetime = minutes % 60 === 0 ? `${minutes / 60} jam` : `${minutes} menit`;
  return `Jika alamat tersebut terdaftar pada OPD yang dilayani, tautan masuk telah dikirim ke alamat itu. Periksa kotak masuk Anda; tautan berlaku ${lifetime} dan hanya sekali pakai.`;
}

/** Who is signed in to the portal. */
export interface PortalPrincipal {
  sessionId: string;
  csrfHash: string;
  expiresAt: Date;
  contactId: string;
  name: string;
  email: string;
  officeCode: string;
  opdId: string | null;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A readable name from an address's local part: `ani.rahma` → `Ani Rahma`. */
function nameFromAddress(email: string): string {
  const local = email
    .split('@')[0]
    .replace(/[._+-]+/g, ' ')
    .trim();
  const name = local.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return (name || email).slice(0, 200);
}

@Injectable()
export class PortalAuthService implements BeforeApplicationShutdown {
  private readonly log = new Logger('Portal');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly opds: OpdsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly limiter: SharedRateLimiter,
  ) {}

  /**
   * Checks the limits (a 429 is the only answer that differs, and it does not depend on the
   * address being known), then looks the address up and writes the link after the answer has
   * gone: known and unknown addresses take the same time to answer.
   */
  async requestLink(rawEmail: string, ip: string): Promise<{ done: Promise<void> }> {
    const email = rawEmail.trim().toLowerCase();
    for (const [rule, key] of [
      [LINK_LIMITS.ip, ip],
      [LINK_LIMITS.address, email],
    ] as const) {
      const decision = await this.limiter.hit(rule, key);
      if (!decision.allowed) {
        throw new PortalError(
          'portal.rate_limited',
          `Terlalu banyak permintaan tautan. Coba lagi dalam ${Math.ceil(decision.retryAfterSeconds / 60)} menit.`,
          undefined,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
    }
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.sendLink(email, ip))
      .catch((error: unknown) =>
        // The address is not logged (it may be a stranger's); the failure is.
        this.log.error(`tautan masuk portal tidak dapat dibuat: ${(error as Error).message}`),
      )
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return { done };
  }

  /** Settles when every link request answered so far has done its work. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** A stopping instance finishes the work of requests it has already answered. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async sendLink(email: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Unverified contacts (an address typed into a public complaint) never get a link.
      const known = await manager.find(RequesterContactEntity, {
        where: { email, unverified: false },
        order: { createdAt: 'ASC' },
      });
      let contact = known.find((c) => !c.deactivatedAt) ?? null;
      // Deactivated: nothing is sent, and no new contact is made from the domain either.
      if (!contact && known.length) return;
      if (!contact) {
        const domain = email.slice(email.lastIndexOf('@') + 1);
        const match = await manager.findOne(OpdDomainEntity, {
          where: { domain },
          order: { officeCode: 'ASC' },
        });
        if (!match) return; // unknown address: nothing is sent, nothing is said
        contact = await this.opds.insertContact(
          manager,
          match.officeCode,
          { name: nameFromAddress(email), email, opdId: match.opdId },
          null,
        );
      }
      const token = newToken();
      const now = this.clock.now();
      const link: PortalLinkEntity = {
        id: randomUUID(),
        tokenHash: sha256Hex(token),
        contactId: contact.id,
        requestedIp: ip.slice(0, 64) || null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + linkTtlMs(this.config)),
        usedAt: null,
      };
      await manager.insert(PortalLinkEntity, link);
      // The plain token lives only in the outbox row until the mail is sent (then erased).
      await this.outbox.enqueue(
        [
          {
            kind: PORTAL_LINK_KIND,
            payload: {
              email,
              name: contact.name,
              office: contact.officeCode,
              token,
              expiresAt: link.expiresAt.toISOString(),
            },
          },
        ],
        now,
        manager,
      );
    });
  }

  /** Exchanges a link's token for a new session; the link is spent whatever happens next. */
  async signIn(token: string): Promise<{ sessionToken: string; csrfToken: string; me: PortalMe }> {
    const invalid = () =>
      new PortalError(
        'portal.link_invalid',
        'Tautan masuk tidak berlaku (sudah dipakai, kedaluwarsa, atau salah). Minta tautan baru.',
      );
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid();
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.findOne(PortalLinkEntity, {
        where: { tokenHash: sha256Hex(token) },
      });
      if (!link || link.usedAt || link.expiresAt.getTime() <= now.getTime()) throw invalid();
      // Spent with a guarded write: two clicks at once cannot both open a session.
      const spent = await manager
        .createQueryBuilder()
        .update(PortalLinkEntity)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL', { id: link.id })
        .execute();
      if (!spent.affected) throw invalid();
      const sessionToken = newToken();
      const csrfToken = newToken();
      const session: PortalSessionEntity = {
        id: randomUUID(),
        tokenHash: sha256Hex(sessionToken),
        csrfHash: sha256Hex(csrfToken),
        contactId: link.contactId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + sessionTtlMs(this.config)),
        revokedAt: null,
      };
      await manager.insert(PortalSessionEntity, session);
      await this.audit.record(
        {
          actorId: null,
          action: 'portal.signed_in',
          entityType: 'requester_contact',
          entityId: link.contactId,
          after: { session: session.id },
        },
        manager,
      );
      const principal = await this.principalOf(session);
      if (!principal) throw invalid();
      return { sessionToken, csrfToken, me: await this.me(principal, csrfToken) };
    });
  }

  /** The session behind a cookie's token, or null when it is unknown, expired or revoked. */
  async authenticate(sessionToken: string | undefined): Promise<PortalPrincipal | null> {
    if (!sessionToken || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) return null;
    const session = await this.dataSource.manager.findOne(PortalSessionEntity, {
      where: { tokenHash: sha256Hex(sessionToken), revokedAt: IsNull() },
    });
    if (!session || session.expiresAt.getTime() <= this.clock.nowMs()) return null;
    return this.principalOf(session);
  }

  async signOut(principal: PortalPrincipal): Promise<void> {
    await this.dataSource.manager.update(
      PortalSessionEntity,
      { id: principal.sessionId },
      { revokedAt: this.clock.now() },
    );
  }

  async me(principal: PortalPrincipal, csrfToken: string): Promise<PortalMe> {
    const manager = this.dataSource.manager;
    const [office, opd] = await Promise.all([
      manager.findOneOrFail(OfficeEntity, { where: { code: principal.officeCode } }),
      principal.opdId ? manager.findOne(OpdEntity, { where: { id: principal.opdId } }) : null,
    ]);
    return {
      name: principal.name,
      email: principal.email,
      opd: opd ? { id: opd.id, name: opd.name } : null,
      office: {
        code: office.code,
        name: office.name,
        timeZone: office.timeZone,
        zone: zoneAbbreviation(office.timeZone),
      },
      csrfToken,
      expiresAt: principal.expiresAt.toISOString(),
    };
  }

  private async principalOf(session: PortalSessionEntity): Promise<PortalPrincipal | null> {
    const contact = await this.dataSource.manager.findOne(RequesterContactEntity, {
      where: { id: session.contactId },
    });
    if (!contact?.email || contact.deactivatedAt || contact.unverified) return null;
    return {
      sessionId: session.id,
      csrfHash: session.csrfHash,
      expiresAt: session.expiresAt,
      contactId: contact.id,
      name: contact.name,
      email: contact.email,
      officeCode: contact.officeCode,
      opdId: contact.opdId,
    };
  }
}
