// Adds up the test counts that jasmine and karma printed into one closing line.
const { readFileSync } = require('node:fs');

// eslint-disable-next-line no-control-regex
const text = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const m of text.matchAll(/(\d+) specs?, (\d+) failures?(?:, (\d+) pending specs?)?/g)) {
  const [specs, failures, pending] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  passed += specs - failures - pending;
  failed += failures;
  skipped += pending;
}
for (const m of text.matchAll(
  /Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?(?: \(skipped (\d+)\))?.*?(SUCCESS|\(\d|secs)/g,
)) {
  // karma prints a running count; only its final line per run carries the timing.
  if (!/secs/.test(text.slice(m.index, text.indexOf('\n', m.index)))) continue;
  const [executed, failures, skip] = [Number(m[1]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  passed += executed - failures;
  failed += failures;
  skipped += skip;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
