#!/usr/bin/env bash
# Demo start benchmark: a first start in demo mode on a fresh embedded database, history included.
# Usage: bash tools/bench/demo/run.sh [--seed=N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/demo/index.ts "$@"
