#!/usr/bin/env bash
# Soak and faults (see index.ts and README.md). Usage, as root from anywhere:
#   bash tools/soak/run.sh [--minutes=10] [--smtp-down-seconds=60]
# Builds the API first when dist/apps/api is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f dist/apps/api/main.js ]; then
  npx nx run api:build --output-style=static
fi
exec node -r ./tools/jasmine/register.js tools/soak/index.ts "$@"
