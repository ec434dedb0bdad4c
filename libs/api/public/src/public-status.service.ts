import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PUBLIC_SUMMARY,
  healthOfPriority,
  STATUS_HISTORY_DAYS,
  worseHealth,
  type IncidentPriority,
  type PublicStatusIncident,
  type PublicStatusResponse,
  type PublicServiceStatus,
  type ServiceHealth,
} from '@sigap/contracts';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { dialectOf, readInstant } from '@sigap/api-database';
import { ItServiceEntity } from '@sigap/api-it-services';
import { OfficeEntity, zoneAbbreviation } from '@sigap/api-offices';
import { PublicError } from './public-error';
import { dailyHealth, daysEndingOn, localDay, type HealthSpan } from './status-days';

/** An office's page is recomputed at most this often, however many ask. */
export const STATUS_TTL_MS = 60_000;
/** Most offices kept in the cache (the page of each is small). */
const CACHE_LIMIT = 500;
/** Statuses in which an incident's service is restored. */
const RESTORED = new Set(['resolved', 'closed']);

type Row = Record<string, unknown>;

/**
 * The public status page of an office (no sign-in): the IT services its admins chose to show,
 * the state each is in from its ongoing incidents, the plain words the helpdesk wrote for the
 * public (or a generic phrase), and the worst state of each of the last 90 days. Reads only the
 * incident's priority, its public words and its instants: never the subject, description,
 * timeline, people or positions. Cancelled incidents are not shown.
 */
@Injectable()
export class PublicStatusService {
  private readonly cache = new Map<
    string,
    { at: number; stamp: string; value: PublicStatusResponse }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async status(code: string): Promise<PublicStatusResponse> {
    const office = /^[a-z0-9-]{1,40}$/.test(code)
      ? await this.dataSource.manager.findOne(OfficeEntity, { where: { code } })
      : null;
    if (!office || office.retiredAt)
      throw new PublicError('public.office_not_found', `Kantor "${code}" tidak ada.`);
    const nowMs = this.clock.nowMs();
    // One small read says whether the office's incidents or services changed since the page was
    // computed (on this or any instance), so the helpdesk's words show at once.
    const stamp = await this.changeStamp(office.code);
    const hit = this.cache.get(office.code);
    if (hit && hit.stamp === stamp && hit.at <= nowMs && nowMs - hit.at < STATUS_TTL_MS)
      return hit.value;
    const value = await this.compute(office, new Date(nowMs));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(office.code, { at: nowMs, stamp, value });
    return value;
  }

  private async changeStamp(office: string): Promise<string> {
    const [tickets] = await this.dataSource.query(
      "SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM tickets WHERE office_code = ? AND kind = 'incident'",
      [office],
    );
    const [services] = await this.dataSource.query(
      'SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM it_services WHERE office_code = ?',
      [office],
    );
    return JSON.stringify([tickets, services]);
  }

  private async compute(office: OfficeEntity, now: Date): Promise<PublicStatusResponse> {
    const manager = this.dataSource.manager;
    const services = await manager.find(ItServiceEntity, {
      where: { officeCode: office.code, publicStatus: true, retiredAt: IsNull() },
      order: { name: 'ASC' },
    });
    const days = daysEndingOn(localDay(now, office.timeZone), STATUS_HISTORY_DAYS);
    // A little before the first local day in any zone: spans are cut to days below.
    const since = new Date(`${days[0]}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - 1);
    const rows: Row[] = services.length
      ? await manager.query(
          `SELECT l.it_service_id AS service_id, t.status, t.received_at, t.resolved_at,
                  t.closed_at, t.updated_at, i.priority, i.public_title, i.public_summary
             FROM ticket_it_services l
             JOIN tickets t ON t.id = l.ticket_id
             JOIN incidents i ON i.ticket_id = t.id
            WHERE l.office_code = ? AND t.kind = 'incident' AND t.status <> 'cancelled'
              AND l.it_service_id IN (${services.map(() => '?').join(', ')})
              AND (t.is_open = ? OR COALESCE(t.resolved_at, t.closed_at, t.updated_at) >= ?)
            ORDER BY t.received_at`,
          [office.code, ...services.map((s) => s.id), 1, dialectOf(manager).instant(since)],
        )
      : [];
    const byService = new Map<string, Row[]>();
    for (const r of rows) {
      const id = String(r['service_id']);
      byService.set(id, [...(byService.get(id) ?? []), r]);
    }
    const list: PublicServiceStatus[] = services.map((s) => {
      const spans: HealthSpan[] = [];
      const ongoing: PublicStatusIncident[] = [];
      for (const r of byService.get(s.id) ?? []) {
        const state = healthOfPriority(r['priority'] as IncidentPriority);
        const from = readInstant(r['received_at'] as Date | string) as Date;
        const restored = RESTORED.has(String(r['status']));
        const end = restored
          ? readInstant((r['resolved_at'] ?? r['closed_at'] ?? r['updated_at']) as Date | string)
          : null;
        spans.push({ from, to: end ?? now, state });
        if (!restored) {
          ongoing.push({
            title: text(r['public_title']) ?? `Gangguan ${s.name}`,
            summary: text(r['public_summary']) ?? DEFAULT_PUBLIC_SUMMARY,
            state,
            since: from.toISOString(),
          });
        }
      }
      ongoing.sort((a, b) => rank(b.state) - rank(a.state) || a.since.localeCompare(b.since));
      return {
        code: s.code,
        name: s.name,
        kind: s.kind,
        state: ongoing.reduce<ServiceHealth>((w, i) => worseHealth(w, i.state), 'normal'),
        incidents: ongoing,
        history: dailyHealth(days, spans, office.timeZone),
      };
    });
    return {
      office: {
        code: office.code,
        name: office.name,
        timeZone: office.timeZone,
        zone: zoneAbbreviation(office.timeZone),
      },
      state: list.reduce<ServiceHealth>((w, s) => worseHealth(w, s.state), 'normal'),
      services: list,
      generatedAt: now.toISOString(),
    };
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function rank(state: ServiceHealth): number {
  return state === 'major' ? 2 : state === 'partial' ? 1 : 0;
}
