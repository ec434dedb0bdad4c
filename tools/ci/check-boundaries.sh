#!/usr/bin/env bash
# Proves the module-boundary rule has teeth: a pure utility library importing the API's
# contracts, or the console importing the API, must fail lint.
set -euo pipefail
cd "$(dirname "$0")/../.."
probe_util=libs/sla/src/__boundary_probe__.ts
probe_console=apps/console/src/__boundary_probe__.ts
cleanup() { rm -f "$probe_util" "$probe_console"; }
trap cleanup EXIT

expect_violation() {
  local file=$1
  if npx eslint --no-warn-ignored "$file" >/tmp/sigap-boundary.log 2>&1; then
    echo "boundary rule did not reject $file" >&2
    exit 1
  fi
  grep -q 'enforce-module-boundaries' /tmp/sigap-boundary.log || {
    cat /tmp/sigap-boundary.log >&2
    echo "lint failed on $file for another reason than the boundary rule" >&2
    exit 1
  }
}

printf "import type { Problem } from '@sigap/contracts';\nexport type P = Problem;\n" >"$probe_util"
expect_violation "$probe_util"
if [ -d apps/console/src ] && [ -d apps/api/src ]; then
  printf "import { AppModule } from '../../api/src/app.module';\nexport const m = AppModule;\n" >"$probe_console"
  expect_violation "$probe_console"
fi
echo "module boundaries enforced"
