import { Injectable } from '@nestjs/common';
import type { ImportResult } from '@sigap/contracts';
import { CalendarProvider } from '@sigap/api-calendars';
import type { AuthUser } from '@sigap/api-identity';
import { OfficesService } from '@sigap/api-offices';
import { CatalogError } from './catalog-error';
import { CatalogService } from './catalog.service';
import { importDocument, isUnreadableDocument } from './standards-port';
import { officeWorkingDay } from './working-day';

@Injectable()
export class ImportService {
  constructor(
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarProvider,
  ) {}

  /** Reads a published standard into a draft; nothing is stored. */
  async import(
    user: AuthUser,
    text: string | null,
    contentType: string | null,
    officeCode: string | undefined,
  ): Promise<ImportResult> {
    if (!contentType || text === null) {
      throw new CatalogError(
        'catalog.unsupported_media_type',
        'Kirim dokumen sebagai text/plain, text/markdown atau text/html.',
      );
    }
    let office: Parameters<typeof importDocument>[2] = null;
    let workingDayMinutes: number | undefined;
    if (officeCode) {
      this.catalog.assertCanRead(user, officeCode);
      await this.offices.get(officeCode); // 404 when unknown
      office = { code: officeCode, positions: await this.offices.positions(officeCode) };
      workingDayMinutes = await officeWorkingDay(this.calendars, officeCode);
    }
    try {
      return importDocument(text, contentType, office, workingDayMinutes);
    } catch (error) {
      // Only the importer's own "cannot read" is the client's problem; anything else is a bug.
      if (!isUnreadableDocument(error)) throw error;
      throw new CatalogError(
        'catalog.unreadable_document',
        `Dokumen tidak dapat dibaca: ${error.message}`,
      );
    }
  }
}
