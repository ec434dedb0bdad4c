/**
 * SLA due-date benchmark: due computations per second of @sigap/sla against the minute-by-minute
 * reference of its property tests, in one run, on one calendar (Asia/Jakarta, the standard
 * schedule, 2026 holidays from the seed file + 2027 pre-filled from date-holidays).
 *
 * Run from the repository root: `bash tools/bench/sla/run.sh` (or `npx nx run sla:bench`).
 * Options: --ops=<n> library operations (default 2,000,000), --ref-seconds=<s> (default 5).
 */
import Holidays from 'date-holidays';
import {
  SlaDurationUnit,
  WorkCalendar,
  addDuration,
  closuresFromDateHolidays,
} from '../../../libs/sla/src/index';
import { STANDARD_WEEK, national2026 } from '../../../libs/sla/src/testing/calendars';
import { NaiveCalendar } from '../../../libs/sla/src/testing/naive-reference';

const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const OPS = arg('ops', 2_000_000);
const REF_SECONDS = arg('ref-seconds', 5);
const MIN = 60_000;

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same work.
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const definition = {
  timeZone: 'Asia/Jakarta',
  week: STANDARD_WEEK,
  closures: [...national2026(), ...closuresFromDateHolidays(new Holidays('ID').getHolidays(2027))],
};
const compileStarted = process.hrtime.bigint();
const calendar = WorkCalendar.compile(definition);
calendar.prepare(2026, 2028);
const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
const reference = new NaiveCalendar(definition);

interface Job {
  start: number;
  amount: number;
  unit: SlaDurationUnit;
  basis: 'working' | 'calendar';
}
/** 1 hour to 3 months: a third each of working hours, working days and calendar months. */
const JOBS: Job[] = [];
const from = Date.UTC(2026, 0, 1) / MIN;
const to = Date.UTC(2027, 11, 31) / MIN - 100 * 1440;
for (let i = 0; i < 100_000; i++) {
  const start = between(from, to) * MIN;
  const kind = i % 3;
  if (kind === 0) JOBS.push({ start, amount: between(1, 480), unit: 'hour', basis: 'working' });
  else if (kind === 1) JOBS.push({ start, amount: between(1, 65), unit: 'day', basis: 'working' });
  else JOBS.push({ start, amount: between(1, 3), unit: 'month', basis: 'calendar' });
}

function referenceDue(job: Job): number {
  if (job.unit === 'hour') return reference.addWorkingMinutes(job.start, job.amount * 60);
  if (job.unit === 'day') return reference.addWorkingDays(job.start, job.amount);
  return reference.addCalendarMonths(job.start, job.amount);
}

function runLibrary(count: number): { seconds: number; checksum: number } {
  let checksum = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const job = JOBS[i % JOBS.length];
    checksum += addDuration(calendar, job.start, job.amount, job.unit, job.basis) % 1_000_003;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, checksum };
}

// Warm-up (JIT), then the measured run.
runLibrary(200_000);
const lib = runLibrary(OPS);
const libRate = OPS / lib.seconds;

// The reference on the same jobs, for REF_SECONDS, checking the library's answers as it goes.
referenceDue(JOBS[0]);
let refCount = 0;
let mismatches = 0;
const refStarted = process.hrtime.bigint();
let refSeconds = 0;
while (refSeconds < REF_SECONDS && refCount < JOBS.length) {
  const job = JOBS[refCount++];
  const expected = referenceDue(job);
  refSeconds = Number(process.hrtime.bigint() - refStarted) / 1e9;
  if (addDuration(calendar, job.start, job.amount, job.unit, job.basis) !== expected) mismatches++;
}
const refRate = refCount / refSeconds;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `SLA due-date benchmark (Node ${process.version}, ${definition.closures.length} closures, 2026-2027)`,
);
console.log(`  compile 2026-2028:      ${compileMs.toFixed(1)} ms`);
console.log(
  `  @sigap/sla:             ${fmt(libRate)} due dates/s (${fmt(OPS)} in ${lib.seconds.toFixed(2)} s, checksum ${lib.checksum})`,
);
console.log(
  `  minute-walk reference:  ${fmt(refRate)} due dates/s (${fmt(refCount)} in ${refSeconds.toFixed(2)} s)`,
);
console.log(`  ratio:                  ${fmt(libRate / refRate)}x`);
console.log(`  answers checked against the reference: ${refCount}, mismatches: ${mismatches}`);
console.log(
  `  goal (>= 1,000,000/s and >= 200x): ${libRate >= 1e6 && libRate / refRate >= 200 ? 'met' : 'NOT met'}`,
);
if (mismatches > 0) process.exitCode = 1;
