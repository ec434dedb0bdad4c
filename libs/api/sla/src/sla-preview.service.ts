import { Injectable } from '@nestjs/common';
import type {
  ServicePreviewItem,
  ServicePreviewRequest,
  ServicePreviewResponse,
  ServicePreviewStep,
  SkippedClosure,
  SlaPreviewRequest,
  SlaPreviewResponse,
} from '@sigap/contracts';
import {
  dueDates,
  SlaError,
  workingDaysBetween,
  workingMinutesBetween,
  type SlaDuration,
} from '@sigap/sla';
import { readDuration, type Duration } from '@sigap/standards';
import { CalendarProvider, OfficeCalendar } from '@sigap/api-calendars';
import { CalendarError } from '@sigap/api-calendars';
import { CalendarsService } from '@sigap/api-calendars';
import { CatalogService } from '@sigap/api-catalog';
import type { AuthUser } from '@sigap/api-identity';
import { SlaPreviewError } from './sla-error';
import { formatInstant, localDate, parseInstant } from './instants';

const DAY_MS = 86_400_000;

export const CHAINING_NOTE =
  'Langkah dihitung berurutan: setiap langkah mulai pada target langkah sebelumnya ' +
  '(langkah yang berjalan bersamaan dengan langkah sebelumnya mulai pada waktu yang sama).';

/** Due dates in an office's working calendar: one duration, or every step of a service. */
@Injectable()
export class SlaPreviewService {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly access: CalendarsService,
    private readonly catalog: CatalogService,
  ) {}

  async preview(user: AuthUser, request: SlaPreviewRequest): Promise<SlaPreviewResponse> {
    const office = await this.officeCalendar(user, request.office);
    const start = this.start(request.start, office.timeZone);
    const duration = this.duration(request.duration);
    const dues = this.dues(office, start, duration, 'duration');
    const cal = office.calendar;
    return {
      target: formatInstant(dues.target, office.timeZone),
      limit: formatInstant(dues.limit, office.timeZone),
      breakdown: {
        start: formatInstant(start, office.timeZone),
        duration,
        workingDays: workingDaysBetween(cal, start, dues.target),
        workingMinutes: workingMinutesBetween(cal, start, dues.target),
        closuresSkipped: skippedClosures(office, start, dues.limit),
        calendarVersion: office.version,
        timeZone: office.timeZone,
        zoneAbbreviation: office.zoneAbbreviation,
      },
    };
  }

  async previewService(
    user: AuthUser,
    request: ServicePreviewRequest,
    now = Date.now(),
  ): Promise<ServicePreviewResponse> {
    const office = await this.officeCalendar(user, request.office);
    const start = request.start === undefined ? now : this.start(request.start, office.timeZone);
    const detail = await this.catalog.get(user, request.office, request.code);
    const standard = detail.standard;
    const tz = office.timeZone;

    let totalText: string | null = standard.serviceTime.text;
    if (request.channel) {
      const byChannel = standard.serviceTime.byChannel?.find((c) => c.channel === request.channel);
      if (byChannel) totalText = byChannel.text;
    }
    const total = this.item(office, start, totalText).view;

    const steps: ServicePreviewStep[] = [];
    let cursor = start;
    let previousStart = start;
    for (const step of [...standard.steps].sort((a, b) => a.order - b.order)) {
      const stepStart = step.parallelWithPrevious ? previousStart : cursor;
      const { view, target } = this.item(office, stepStart, step.time);
      steps.push({ order: step.order, start: formatInstant(stepStart, tz), ...view });
      previousStart = stepStart;
      if (target !== null) {
        cursor = step.parallelWithPrevious ? Math.max(cursor, target) : target;
      }
    }
    return {
      office: request.office,
      code: request.code,
      version: detail.version,
      start: formatInstant(start, tz),
      channel: request.channel ?? null,
      total,
      steps,
      note: CHAINING_NOTE,
      calendarVersion: office.version,
      timeZone: tz,
      zoneAbbreviation: office.zoneAbbreviation,
    };
  }

  /** Due dates of one written time; no due date (with the reason) when it cannot be read. */
  private item(
    office: OfficeCalendar,
    start: number,
    text: string | null,
  ): { view: ServicePreviewItem; target: number | null } {
    const none = (problem: string) => ({
      view: { text, target: null, limit: null, problem },
      target: null,
    });
    if (text === null || text.trim() === '') return none('standar tidak menyebut waktu');
    const read = readDuration(text);
    if (!read.ok) return none(read.error.message);
    try {
      const dues = dueDates(office.calendar, start, read.value as SlaDuration);
      return {
        view: {
          text,
          target: formatInstant(dues.target, office.timeZone),
          limit: formatInstant(dues.limit, office.timeZone),
          problem: null,
        },
        target: dues.target,
      };
    } catch (error) {
      if (error instanceof SlaError) return none(error.message);
      throw error;
    }
  }

  private async officeCalendar(user: AuthUser, code: unknown): Promise<OfficeCalendar> {
    if (typeof code !== 'string' || code.trim() === '') {
      throw SlaPreviewError.field('office', 'kode kantor wajib diisi');
    }
    try {
      this.access.assertCanRead(user, code);
      return await this.calendars.forOffice(code);
    } catch (error) {
      if (error instanceof CalendarError && error.code === 'calendar.office_not_found') {
        throw new SlaPreviewError('sla.office_unknown', `Kantor "${code}" tidak dikenal.`, [
          { path: 'office', message: `kantor "${code}" tidak dikenal` },
        ]);
      }
      throw error;
    }
  }

  private start(text: unknown, timeZone: string): number {
    const parsed = parseInstant(text, timeZone);
    if (!parsed.ok) throw SlaPreviewError.field('start', parsed.reason);
    return parsed.value;
  }

  private duration(value: unknown): Duration {
    if (typeof value === 'string') {
      const read = readDuration(value);
      if (!read.ok) {
        throw SlaPreviewError.field(
          'duration',
          `${read.error.message}${read.error.at ? ` (pada "${read.error.at}")` : ''}`,
        );
      }
      return read.value;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw SlaPreviewError.field(
        'duration',
        'harus berupa teks ("7 hari") atau objek {min, max, unit, basis, startsWhen}',
      );
    }
    const d = value as Partial<Duration>;
    return {
      min: d.min as number,
      max: (d.max ?? d.min) as number,
      unit: d.unit as Duration['unit'],
      basis: (d.basis ?? 'working') as Duration['basis'],
      startsWhen: d.startsWhen ?? null,
    };
  }

  private dues(office: OfficeCalendar, start: number, duration: Duration, path: string) {
    try {
      return dueDates(office.calendar, start, duration as SlaDuration);
    } catch (error) {
      if (error instanceof SlaError) throw SlaPreviewError.field(path, error.message);
      throw error;
    }
  }
}

/**
 * Closures from the start's local day to the limit's that close time the office would otherwise
 * work (a holiday on a Sunday skips nothing).
 */
function skippedClosures(office: OfficeCalendar, start: number, end: number): SkippedClosure[] {
  const definition = office.calendar.definition;
  const from = Date.parse(`${localDate(start, office.timeZone)}T00:00:00Z`) / DAY_MS;
  const to = Date.parse(`${localDate(end, office.timeZone)}T00:00:00Z`) / DAY_MS;
  const out: SkippedClosure[] = [];
  for (const c of definition.closures) {
    if (c.epochDay < from || c.epochDay > to) continue;
    const variant = definition.variants.find(
      (v) => c.epochDay >= v.fromDay && c.epochDay <= v.toDay,
    );
    const weekday = (((c.epochDay + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Monday
    const day = (variant ? variant.week : definition.week)[weekday];
    if (!day.some(([s, e]) => s < c.toMinute && c.fromMinute < e)) continue;
    out.push({ date: c.date, name: c.name, layer: c.layer, type: c.type });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
