import { Injectable } from '@nestjs/common';
import type { ImportResult } from '@sigap/contracts';
import { CalendarError, CalendarProvider, type OfficeCalendar } from '@sigap/api-calendars';
import type { AuthUser } from '@sigap/api-identity';
import { OfficesService } from '@sigap/api-offices';
import { CatalogError } from './catalog-error';
import { CatalogService } from './catalog.service';
import { importDocument, isUnreadableDocument } from './standards-port';

@Injectable()
export class ImportService {
  constructor(
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarProvider,
  ) {}

  /** The office's working day; none while the office has no schedule yet (the civil one is used). */
  private async workingDay(officeCode: string): Promise<number | undefined> {
    try {
      return workingDayOf(await this.calendars.forOffice(officeCode));
    } catch (error) {
      if (error instanceof CalendarError && error.code === 'calendar.not_configured')
        return undefined;
      throw error;
    }
  }

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
      workingDayMinutes = await this.workingDay(officeCode);
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

/**
 * The office's working day in minutes, to add step times in hours to times in days: its normal
 * week's working time over its working days (Perpres 21/2023's week: 37.5 h / 5 = 7.5 h).
 * Undefined when the week has no working time (the importer then uses the civil-service day).
 */
export function workingDayOf(office: OfficeCalendar): number | undefined {
  const days = office.calendar.definition.week
    .map((day) => day.reduce((sum, [from, to]) => sum + (to - from), 0))
    .filter((minutes) => minutes > 0);
  if (days.length === 0) return undefined;
  return Math.round(days.reduce((a, b) => a + b, 0) / days.length);
}
