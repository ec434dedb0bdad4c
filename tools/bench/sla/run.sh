#!/usr/bin/env bash
# SLA due-date benchmark. Usage: bash tools/bench/sla/run.sh [--ops=N] [--ref-seconds=S]
# ts-node (transpile-only) compiles the TypeScript once at load; the measured loop runs plain JS.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/sla/index.ts "$@"
