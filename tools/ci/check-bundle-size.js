#!/usr/bin/env node
/**
 * The console's initial JavaScript, gzipped, against its budget (250 KB by default).
 * Angular's build budgets count raw bytes; what a user downloads is the compressed
 * transfer, so this reads the built index.html, takes every script and modulepreload
 * it loads, follows their static imports (`import … from "./chunk.js"`, `export … from`, not
 * the lazy `import("./chunk.js")` of routes) to every chunk the page needs before its first
 * route, gzips each one and fails when the sum is over the limit.
 *
 *   node tools/ci/check-bundle-size.js [browserDir] [--limit-kb=250]
 */
const { readFileSync } = require('node:fs');
const { dirname, join, normalize } = require('node:path');
const { gzipSync } = require('node:zlib');

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/apps/console/browser';
const limitArg = args.find((a) => a.startsWith('--limit-kb='));
const limitKb = limitArg ? Number(limitArg.split('=')[1]) : 250;
if (!Number.isFinite(limitKb) || limitKb <= 0) {
  console.error(`bundle size: --limit-kb must be a positive number, got ${limitArg}`);
  process.exit(2);
}

let html;
try {
  html = readFileSync(join(dir, 'index.html'), 'utf8');
} catch {
  console.error(`bundle size: ${join(dir, 'index.html')} not found; build the console first`);
  process.exit(2);
}

const files = new Set();
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) {
  files.add(m[1]);
}
if (files.size === 0) {
  console.error('bundle size: index.html loads no script; is this a console build?');
  process.exit(2);
}

// Static imports and re-exports of a relative chunk; a dynamic `import("…")` has a parenthesis
// between `import` and the quote, so it does not match.
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g;
const queue = [...files];
while (queue.length > 0) {
  const file = queue.shift();
  let text;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    console.error(`bundle size: ${file} is imported but missing from ${dir}`);
    process.exit(2);
  }
  for (const m of text.matchAll(STATIC_IMPORT)) {
    const target = normalize(join(dirname(file), m[1]));
    if (!files.has(target)) {
      files.add(target);
      queue.push(target);
    }
  }
}

let raw = 0;
let gz = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 6 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
const line = `initial JavaScript: ${files.size} files, ${kb(raw)} KB raw, ${kb(gz)} KB gzipped (budget ${limitKb} KB)`;
if (gz > limitKb * 1024) {
  console.error(`bundle size: over budget: ${line}`);
  process.exit(1);
}
console.log(line);
