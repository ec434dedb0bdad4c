import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoginResponse, Role } from '@sigap/contracts';
import type { SsoGroupRule } from '@sigap/api-config';
import { AuditService } from '@sigap/api-audit';
import { isUniqueViolation } from '@sigap/api-database';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth.service';
import { IdentityError } from '../identity-error';
import { OfficeDirectory } from '../office-directory';
import { UserEntity } from '../user.entity';
import { normaliseEmail, UsersService } from '../users.service';

/** What a directory says about a person who has just proved who they are. */
export interface SsoIdentity {
  source: 'oidc' | 'ldap';
  /** The OpenID subject or the LDAP DN. */
  externalId: string;
  email: string;
  name: string;
  /** Group names or DNs, as the directory gives them. */
  groups: string[];
}

/** Marks a user who has no local password (never a bcrypt hash, so it matches nothing). */
export const NO_LOCAL_PASSWORD = '!sso';

/** How long the console has to collect a finished single sign-on. */
export const HANDOFF_TTL_MS = 60_000;

const normaliseGroup = (group: string) =>
  group
    .trim()
    .toLowerCase()
    .replace(/\s*,\s*/g, ',');

/** The `cn` (or other first RDN value) of a group DN: `cn=helpdesk,ou=groups,…` → `helpdesk`. */
function firstRdnValue(group: string): string | null {
  const match = /^[a-z][\w-]*=([^,]+),/i.exec(group.trim());
  return match ? match[1].trim().toLowerCase() : null;
}

/**
 * The roles and office the user's groups give by the map: the union of every matching rule's
 * roles, in the one office they name. Refused (403) without any matching group, and (409) when
 * the groups name two different offices.
 */
export function rolesFromGroups(
  rules: readonly SsoGroupRule[],
  groups: readonly string[],
): { roles: Role[]; office: string | null; matched: string[] } {
  const names = new Set<string>();
  for (const group of groups) {
    names.add(normaliseGroup(group));
    const rdn = firstRdnValue(group);
    if (rdn) names.add(rdn);
  }
  const matching = rules.filter((rule) => names.has(normaliseGroup(rule.group)));
  if (!matching.length) {
    throw new IdentityError(
      'auth.sso_no_group',
      'Akun Anda dikenal, tetapi tidak ada grupnya yang diberi akses ke Sigap. Hubungi administrator agar Anda dimasukkan ke grup yang tepat.',
    );
  }
  const offices = [...new Set(matching.map((rule) => rule.office).filter((o) => o !== null))];
  if (offices.length > 1) {
    throw new IdentityError(
      'auth.sso_conflict',
      `Grup Anda memberi akses ke lebih dari satu kantor (${offices.join(', ')}); seorang pengguna hanya bekerja di satu kantor. Hubungi administrator.`,
    );
  }
  const roles = [...new Set(matching.flatMap((rule) => rule.roles))].sort() as Role[];
  return { roles, office: offices[0] ?? null, matched: matching.map((rule) => rule.group) };
}

/**
 * Users who arrive by single sign-on: created at their first sign-in with the role and office
 * their groups give, brought in line with their groups at every later one, and handed to the
 * console with a one-time code.
 */
@Injectable()
export class SsoUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly offices: OfficeDirectory,
    private readonly audit: AuditService,
  ) {}

  /** The Sigap user for this identity, created or updated; refused when inactive or unmapped. */
  async signIn(identity: SsoIdentity, rules: readonly SsoGroupRule[]): Promise<UserEntity> {
    const email = normaliseEmail(identity.email);
    if (!email || !email.includes('@') || email.length > 254) {
      throw new IdentityError(
        'auth.sso_failed',
        'Direktori tidak memberikan alamat e-mail yang valid untuk akun ini.',
      );
    }
    const { roles, office, matched } = rolesFromGroups(rules, identity.groups);
    if (office && !(await this.offices.exists(office))) {
      throw new IdentityError(
        'auth.sso_conflict',
        `Grup Anda memetakan ke kantor "${office}" yang tidak ada di Sigap. Hubungi administrator.`,
      );
    }
    const name = identity.name.trim().slice(0, 200) || email;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(UserEntity);
        const known = await repo.findOne({
          where: { authSource: identity.source, externalId: identity.externalId },
        });
        if (known) {
          if (!known.active) {
            throw IdentityError.forbidden(
              'Akun Anda dinonaktifkan di Sigap. Hubungi administrator.',
            );
          }
          const changed = known.roles.join(',') !== roles.join(',') || known.officeCode !== office;
          if (changed || known.name !== name || known.email !== email) {
            // Moving office drops the positions held in the old one.
            if (known.officeCode !== office) {
              await manager.query('DELETE FROM position_holders WHERE user_id = ?', [known.id]);
            }
            await repo.update(
              { id: known.id },
              { roles, officeCode: office, name, email, updatedAt: new Date() },
            );
            await this.audit.record(
              {
                actorId: known.id,
                action: 'user.sso_updated',
                entityType: 'user',
                entityId: known.id,
                before: { roles: known.roles, office: known.officeCode },
                after: { roles, office, groups: matched, source: identity.source },
              },
              manager,
            );
          }
          return (await repo.findOneOrFail({ where: { id: known.id } })) as UserEntity;
        }
        if (await repo.findOne({ where: { email } })) {
          throw new IdentityError(
            'auth.sso_conflict',
            `Sudah ada akun Sigap lain dengan e-mail ${email}. Minta administrator menghapus atau mengganti e-mail akun itu sebelum masuk dengan SSO.`,
          );
        }
        const created = await this.users.create(
          { email, name, roles, officeCode: office, passwordHash: NO_LOCAL_PASSWORD },
          manager,
        );
        await repo.update(
          { id: created.id },
          { authSource: identity.source, externalId: identity.externalId },
        );
        await this.audit.record(
          {
            actorId: created.id,
            action: 'user.sso_created',
            entityType: 'user',
            entityId: created.id,
            after: { roles, office, groups: matched, source: identity.source },
          },
          manager,
        );
        return (await repo.findOneOrFail({ where: { id: created.id } })) as UserEntity;
      });
    } catch (error) {
      // The same person's first two sign-ins at once: the unique index keeps one account.
      if (!isUniqueViolation(error)) throw error;
      throw new IdentityError(
        'auth.sso_conflict',
        'Akun ini sedang dibuat oleh permintaan masuk lain; coba lagi.',
      );
    }
  }

  /** A session for the user, as the password sign-in gives. */
  session(user: UserEntity): Promise<LoginResponse> {
    return this.auth.issueSession(user);
  }

  /** A one-time code the console exchanges for the session (the code itself is not stored). */
  async createHandoff(user: UserEntity): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.dataSource.query('DELETE FROM sso_handoffs WHERE expires_at < ?', [now]);
    await this.dataSource.query(
      'INSERT INTO sso_handoffs (code_hash, user_id, expires_at) VALUES (?, ?, ?)',
      [hashCode(code), user.id, now + HANDOFF_TTL_MS],
    );
    return code;
  }

  /** Exchanges a handoff code for a session, once; a used, unknown or late code answers 400. */
  async exchangeHandoff(code: string): Promise<LoginResponse> {
    const refused = new IdentityError(
      'auth.sso_failed',
      'Kode masuk tunggal tidak berlaku (sudah dipakai atau kedaluwarsa). Silakan masuk lagi.',
      undefined,
      [{ path: 'code', message: 'kode tidak berlaku' }],
    );
    const hash = hashCode(code);
    const rows: { user_id: string; expires_at: number | string }[] = await this.dataSource.query(
      'SELECT user_id, expires_at FROM sso_handoffs WHERE code_hash = ?',
      [hash],
    );
    if (!rows.length) throw refused;
    // Whoever deletes the row owns the code: two exchanges at once give one session.
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('sso_handoffs')
      .where('code_hash = :hash', { hash })
      .execute();
    if (result.affected !== 1 || Number(rows[0].expires_at) < Date.now()) throw refused;
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { id: rows[0].user_id } });
    if (!user?.active) throw refused;
    return this.session(user);
  }
}

function hashCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
