#!/usr/bin/env bash
# Dashboards benchmark (see index.ts). Usage: bash tools/bench/dashboards/run.sh [--tickets=N] [--requests=N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/dashboards/index.ts "$@"
