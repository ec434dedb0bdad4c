#!/usr/bin/env bash
# Ticket search benchmark (see index.ts). Usage: bash tools/bench/search/run.sh [--tickets=N] [--requests=N] [--fresh]
# The API under test is the production bundle: it is built first (Nx skips it when unchanged).
set -euo pipefail
cd "$(dirname "$0")/../../.."
npx nx run api:build --output-style=stream >/dev/null
exec node -r ./tools/jasmine/register.js tools/bench/search/index.ts "$@"
