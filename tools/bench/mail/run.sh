#!/usr/bin/env bash
# Inbound mail benchmark (see index.ts). Usage: bash tools/bench/mail/run.sh [--messages=N] [--clients=N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/mail/index.ts "$@"
