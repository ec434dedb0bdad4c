#!/usr/bin/env bash
# Tickets benchmark (see index.ts). Usage: bash tools/bench/tickets/run.sh [--tickets=N] [--opens=N]
# The API under test is the production bundle: it is built first (Nx skips it when unchanged).
set -euo pipefail
cd "$(dirname "$0")/../../.."
npx nx run api:build --output-style=stream >/dev/null
exec node -r ./tools/jasmine/register.js tools/bench/tickets/index.ts "$@"
