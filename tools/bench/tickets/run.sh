#!/usr/bin/env bash
# Tickets benchmark (see index.ts). Usage: bash tools/bench/tickets/run.sh [--tickets=N] [--opens=N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/tickets/index.ts "$@"
