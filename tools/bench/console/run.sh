#!/usr/bin/env bash
# Console benchmark (see index.ts). Needs the built API and console (npx nx run api:build and
# npx nx run console:build). Usage: bash tools/bench/console/run.sh [--tickets=N] [--runs=N] [--first-only] [--trace]
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec node -r ./tools/jasmine/register.js tools/bench/console/index.ts "$@"
