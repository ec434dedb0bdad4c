// Prints the console's initial JavaScript (what index.html loads before any lazy route):
// raw bytes and gzip -9 bytes, per file and in total. Run after `nx run console:build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/apps/console/browser';
const limit = Number(process.argv[3] ?? 250 * 1024);
let html;
try {
  html = readFileSync(join(dir, 'index.html'), 'utf8');
} catch {
  console.error(`No index.html in ${dir}: build the console first (npx nx run console:build).`);
  process.exit(2);
}
const files = new Set();
for (const match of html.matchAll(
  /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
)) {
  files.add(match[1]);
}
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const packed = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += packed;
  console.log(
    `${file.padEnd(28)} ${String(bytes.length).padStart(8)} raw ${String(packed).padStart(8)} gzip`,
  );
}
console.log(
  `initial JS: ${files.size} files, ${raw} bytes raw, ${gzip} bytes gzip (limit ${limit})`,
);
process.exit(gzip <= limit ? 0 : 1);
