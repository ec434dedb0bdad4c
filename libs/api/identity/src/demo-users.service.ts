import { Injectable, Logger } from '@nestjs/common';
import type { Role } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { OfficeDirectory } from './office-directory';
import { PasswordHasher } from './password';
import { UsersService } from './users.service';

export const DEMO_DOMAIN = 'sigap.local';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_DOMAIN}`;

export interface DemoLogin {
  email: string;
  role: Role;
  office: string | null;
}

/**
 * Demo users: an admin, and per office a helpdesk agent, the head of office (manager), and an
 * executor for each other position (`<position>.<office>@sigap.local`). Never in production
 * unless SIGAP_DEMO=true (enforced by the configuration).
 */
@Injectable()
export class DemoUsersService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly offices: OfficeDirectory,
    private readonly passwords: PasswordHasher,
  ) {}

  /** The logins that exist (or will); created when missing. */
  async ensure(): Promise<DemoLogin[]> {
    const planned = await this.plan();
    // One hash for all demo accounts: they share the printed demo password anyway.
    let hash: string | null = null;
    await this.dataSource.transaction(async (manager) => {
      for (const login of planned) {
        if (await this.users.findByEmail(login.email)) continue;
        hash ??= await this.passwords.hash(this.config.demoPassword);
        await this.users.create(
          {
            email: login.email,
            name: login.name,
            roles: [login.role],
            officeCode: login.office,
            passwordHash: hash,
            positionCodes: login.positions,
          },
          manager,
        );
      }
    });
    if (hash) this.logger.log(`Pengguna demo disiapkan (${planned.length} akun)`);
    return planned.map(({ email, role, office }) => ({ email, role, office }));
  }

  private async plan(): Promise<(DemoLogin & { name: string; positions: string[] })[]> {
    const planned: (DemoLogin & { name: string; positions: string[] })[] = [
      { email: DEMO_ADMIN_EMAIL, role: 'admin', office: null, name: 'Admin Sigap', positions: [] },
    ];
    for (const office of await this.offices.list()) {
      const positions = (await this.offices.positions(office.code)).filter((p) => !p.requesterSide);
      const has = (code: string) => positions.some((p) => p.code === code);
      planned.push({
        email: `helpdesk.${office.code}@${DEMO_DOMAIN}`,
        role: 'agent',
        office: office.code,
        name: `Helpdesk ${office.ticketPrefix}`,
        positions: has('helpdesk') ? ['helpdesk'] : [],
      });
      const head =
        positions.find((p) => p.code === 'kadis') ?? positions.find((p) => !p.reportsToId);
      planned.push({
        email: `kadis.${office.code}@${DEMO_DOMAIN}`,
        role: 'manager',
        office: office.code,
        name: `Kepala Dinas ${office.ticketPrefix}`,
        positions: head ? [head.code] : [],
      });
      for (const position of positions) {
        if (position.code === 'helpdesk' || position.code === head?.code) continue;
        planned.push({
          email: `${position.code}.${office.code}@${DEMO_DOMAIN}`,
          role: 'executor',
          office: office.code,
          name: `${position.name} (${office.ticketPrefix})`,
          positions: [position.code],
        });
      }
    }
    return planned;
  }
}
