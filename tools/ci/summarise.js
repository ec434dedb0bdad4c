// Adds up the test counts that jasmine and karma printed into one closing line, after repeating
// each failure's heading and message, so a failed run shows what failed at its very end.
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
const failures = failureReports(text);
if (failures.length > 0) console.log(`\nFailures (repeated from above):\n${failures.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

/** Jasmine's "Failures:" blocks and karma's FAILED lines with the lines that follow them. */
function failureReports(all) {
  const lines = all.split('\n').map((line) => line.replace(/^[a-z][a-z0-9-]*: /, ''));
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === 'Failures:') {
      for (let j = i + 1; j < lines.length; j++) {
        const line = lines[j];
        if (/^\s*(Pending:|\d+ specs?, \d+ failures?)/.test(line)) break;
        // Request logs printed between reports carry no news about the failure.
        if (line.trimStart().startsWith('{"level"')) continue;
        out.push(line);
      }
    } else if (/\bFAILED$/.test(lines[i].trim()) && !/Executed \d+ of/.test(lines[i])) {
      out.push(...lines.slice(i, i + 6));
    }
  }
  return out.slice(0, 400);
}
