/** The local date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first day of a month (YYYY-MM), or a day (YYYY-MM-DD) as given. */
export function startDay(value: string): string {
  return value.length === 7 ? `${value}-01` : value;
}

/** The last day of a month (YYYY-MM), or a day (YYYY-MM-DD) as given. */
export function endDay(value: string): string {
  if (value.length !== 7) return value;
  const [year, month] = value.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value}-${String(last).padStart(2, '0')}`;
}

/** YYYY-MM or YYYY-MM-DD. */
export const MONTH_OR_DAY = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
