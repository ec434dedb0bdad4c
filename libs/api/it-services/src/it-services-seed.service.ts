import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { flattenValidationErrors } from '@sigap/api-common';
import { OfficeEntity, PositionEntity } from '@sigap/api-offices';
import { CreateItServiceDto } from './it-service.dto';
import { ItServiceEntity } from './it-service.entity';

/**
 * Loads the demo offices' IT services from `it-services/<office>.yaml` in the seed folder.
 * Idempotent: a service whose code the office already has is left as the admin edited it, and a
 * file for an office that does not exist is skipped.
 */
@Injectable()
export class ItServicesSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async load(dir = join(this.config.seedDir, 'it-services')): Promise<number> {
    if (!existsSync(dir)) return 0;
    let created = 0;
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort();
    await this.dataSource.transaction(async (manager) => {
      for (const file of files) {
        const doc = parse(readFileSync(join(dir, file), 'utf8')) as {
          office: string;
          services: Record<string, unknown>[];
        };
        if (!(await manager.exists(OfficeEntity, { where: { code: doc.office } }))) continue;
        const positions = new Set(
          (await manager.find(PositionEntity, { where: { officeCode: doc.office } })).map(
            (p) => p.code,
          ),
        );
        for (const [i, raw] of (doc.services ?? []).entries()) {
          const dto = plainToInstance(CreateItServiceDto, { ...raw, office: doc.office });
          const problems = flattenValidationErrors(validateSync(dto));
          if (!positions.has(dto.ownerPosition))
            problems.push({ path: 'ownerPosition', message: 'jabatan tidak dikenal' });
          if (problems.length) {
            const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
            throw new Error(`Berkas seed it-services/${file}, services[${i}]: ${detail}`);
          }
          const exists = await manager.exists(ItServiceEntity, {
            where: { officeCode: doc.office, code: dto.code },
          });
          if (exists) continue;
          const now = this.clock.now();
          await manager.insert(ItServiceEntity, {
            id: randomUUID(),
            officeCode: doc.office,
            code: dto.code,
            name: dto.name,
            description: dto.description ?? null,
            kind: dto.kind,
            ownerPosition: dto.ownerPosition,
            dependentOpdIds: '[]',
            criticality: dto.criticality,
            supportHours: dto.supportHours,
            publicStatus: dto.publicStatus ?? false,
            retiredAt: null,
            createdAt: now,
            updatedAt: now,
          });
          created++;
        }
      }
    });
    if (created) this.logger.log(`Seed layanan TI: ${created} layanan baru`);
    return created;
  }
}
