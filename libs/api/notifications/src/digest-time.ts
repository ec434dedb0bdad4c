/**
 * When a user's daily digest is due: `hour`:00 local time in their office's zone, every day.
 * Pure: the instant comes in as an argument.
 */
function localParts(
  at: Date,
  timeZone: string,
): { y: number; m: number; d: number; offsetMs: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    offsetMs: asUtc - Math.floor(at.getTime() / 1000) * 1000,
  };
}

/**
 * The latest digest instant at or before `now`: today's `hour`:00 local if it has passed, else
 * yesterday's; with the local date it belongs to (`YYYY-MM-DD`).
 */
export function lastDigestCutoff(
  now: Date,
  timeZone: string,
  hour: number,
): { at: Date; date: string } {
  const { y, m, d, offsetMs } = localParts(now, timeZone);
  let at = Date.UTC(y, m - 1, d, hour) - offsetMs;
  if (at > now.getTime()) at -= 86_400_000;
  const local = new Date(at + offsetMs);
  return { at: new Date(at), date: local.toISOString().slice(0, 10) };
}
