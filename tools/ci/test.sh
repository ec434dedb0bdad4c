#!/usr/bin/env bash
# Every test Sigap has, in the order a failure is cheapest to find:
# format, lint (with the module-boundary rule), types, unit + integration (MariaDB and
# SQLite), console tests in headless Chromium, then end-to-end against the running app.
set -euo pipefail
cd "$(dirname "$0")/../.."

export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
export NX_DAEMON=false
export NX_TUI=false
export NX_NO_CLOUD=true

step() { printf '\n=== %s\n' "$1"; }

# The test command does its own set-up on a fresh machine: system packages (as root), then the
# npm packages when node_modules is missing or older than the lock file.
step "set-up (system packages, npm packages)"
bash tools/ci/install-system-deps.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a test command into the shared log; when it fails, the failures are repeated at the end
# of the output before the script stops, since later runners would otherwise push them away.
logged() {
  if ! "$@" 2>&1 | tee -a "$log"; then
    node tools/ci/summarise.js "$log" || true
    exit 1
  fi
}

step "format (prettier)"
npx prettier --check . --log-level warn

step "lint (eslint, module boundaries)"
npx nx run-many -t lint --output-style=stream
bash tools/ci/check-boundaries.sh
node tools/ci/check-docker.js
bash tools/ci/check-docker-selftest.sh

step "type check"
npx nx run-many -t typecheck --output-style=stream

step "unit and integration tests"
logged npx nx run-many -t test --parallel=1 --output-style=stream

if [ -f apps/console-e2e/project.json ]; then
  step "end-to-end (real API, real Chromium)"
  logged npx nx run console-e2e:e2e --output-style=stream
fi

step "bundle budget (initial JavaScript, gzipped)"
[ -f dist/apps/console/browser/index.html ] || npx nx run console:build --output-style=stream
node tools/ci/check-bundle-size.js dist/apps/console/browser

# One closing line over every runner (jasmine: "N specs, M failures"; karma: "Executed N of M").
node tools/ci/summarise.js "$log"
