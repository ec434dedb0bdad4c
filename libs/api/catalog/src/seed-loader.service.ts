import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { DomainError } from '@sigap/api-common';
import { OfficesService } from '@sigap/api-offices';
import { CatalogError } from './catalog-error';
import { CatalogService } from './catalog.service';
import { officeFromYaml, standardFromYaml } from './standards-port';

export interface SeedReport {
  officesCreated: number;
  servicesCreated: number;
  servicesSkipped: number;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Loads `offices/*.yaml` and `catalog/<office>/*.yaml` from the seed folder, in one transaction.
 * Idempotent: what exists (an office, a service with the same code) is left as it is, so a
 * changed seed file never overwrites an admin's edits.
 */
@Injectable()
export class SeedLoaderService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
  ) {}

  async load(dir = this.config.seedDir): Promise<SeedReport> {
    const report: SeedReport = { officesCreated: 0, servicesCreated: 0, servicesSkipped: 0 };
    if (!existsSync(dir)) {
      this.logger.warn(`Folder seed tidak ada: ${dir}`);
      return report;
    }
    const read = <T>(file: string, parse: (text: string) => T): T => {
      const source = relative(dir, file);
      try {
        return parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new CatalogError(
          'catalog.seed_invalid',
          `Berkas seed ${source} tidak valid: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    const officeDefinitions = yamlFiles(join(dir, 'offices')).map((file) =>
      read(file, officeFromYaml),
    );
    const catalogDir = join(dir, 'catalog');
    const standards = existsSync(catalogDir)
      ? readdirSync(catalogDir)
          .sort()
          .filter((name) => statSync(join(catalogDir, name)).isDirectory())
          .flatMap((office) =>
            yamlFiles(join(catalogDir, office)).map((file) => ({ office, file })),
          )
          .map(({ office, file }) => {
            const standard = read(file, standardFromYaml);
            if (standard.office !== office) {
              throw new CatalogError(
                'catalog.seed_invalid',
                `Berkas seed ${relative(dir, file)}: office "${standard.office}" tidak sesuai folder "${office}"`,
              );
            }
            return { standard, file };
          })
      : [];

    await this.dataSource.transaction(async (manager) => {
      for (const definition of officeDefinitions) {
        if (await this.offices.createIfMissing(definition, manager)) report.officesCreated++;
      }
      for (const { standard, file } of standards) {
        try {
          if (await this.catalog.createFromSeed(manager, standard)) report.servicesCreated++;
          else report.servicesSkipped++;
        } catch (error) {
          if (error instanceof DomainError) {
            const details = error.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
            throw new CatalogError(
              'catalog.seed_invalid',
              `Berkas seed ${relative(dir, file)} tidak valid: ${details || error.message}`,
            );
          }
          throw error;
        }
      }
    });
    this.logger.log(
      `Seed dari ${dir}: ${report.officesCreated} kantor baru, ${report.servicesCreated} layanan baru, ${report.servicesSkipped} layanan sudah ada`,
    );
    return report;
  }
}
