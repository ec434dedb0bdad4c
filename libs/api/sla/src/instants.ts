import { TimeZone } from '@sigap/sla';

const DAY_MS = 86_400_000;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads an ISO 8601 date-time. With an offset (`+08:00`, `Z`) it is that instant; without one
 * it is a local time in `timeZone`. Returns epoch ms, or a reason (Bahasa Indonesia).
 */
export function parseInstant(
  text: unknown,
  timeZone: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  if (typeof text !== 'string') return { ok: false, reason: 'harus berupa teks ISO 8601' };
  const m = ISO.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      reason: `"${text}" bukan waktu ISO 8601 (contoh: 2026-03-18T09:00+08:00)`,
    };
  }
  const [, y, mo, d, h, mi, s, ms, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const utcDay = Date.UTC(year, month - 1, day);
  const check = new Date(utcDay);
  if (
    month < 1 ||
    month > 12 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return { ok: false, reason: `tanggal ${y}-${mo}-${d} tidak ada` };
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return { ok: false, reason: `jam ${h}:${mi} tidak valid` };
  }
  const wallMs =
    ((Number(h) * 60 + Number(mi)) * 60 + Number(s ?? 0)) * 1000 +
    Number((ms ?? '').padEnd(3, '0'));
  if (!offset) {
    return { ok: true, value: TimeZone.get(timeZone).toUtc(utcDay / DAY_MS, wallMs) };
  }
  if (/^z$/i.test(offset)) return { ok: true, value: utcDay + wallMs };
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  if (offsetMin > 14 * 60) return { ok: false, reason: `selisih zona ${offset} tidak valid` };
  return { ok: true, value: utcDay + wallMs - sign * offsetMin * 60_000 };
}

/** `2026-03-25T16:00:00+07:00`: the instant in the zone, with the zone's offset. */
export function formatInstant(t: number, timeZone: string): string {
  const offset = TimeZone.get(timeZone).offsetAt(t);
  const local = new Date(t + offset).toISOString().slice(0, 19);
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** `YYYY-MM-DD` of the local day containing `t`. */
export function localDate(t: number, timeZone: string): string {
  return formatInstant(t, timeZone).slice(0, 10);
}
