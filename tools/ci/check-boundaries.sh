#!/usr/bin/env bash
# Proves the module-boundary rule has teeth: each probe below is a one-line violation that lint
# must reject with the boundary rule (not for another reason).
set -euo pipefail
cd "$(dirname "$0")/../.."
probes=()
cleanup() { rm -f "${probes[@]}"; }
trap cleanup EXIT

expect_violation() {
  local file=$1 what=$2
  if npx eslint --no-warn-ignored "$file" >/tmp/sigap-boundary.log 2>&1; then
    echo "boundary rule did not reject $file ($what)" >&2
    exit 1
  fi
  grep -q 'enforce-module-boundaries' /tmp/sigap-boundary.log || {
    cat /tmp/sigap-boundary.log >&2
    echo "lint failed on $file for another reason than the boundary rule ($what)" >&2
    exit 1
  }
  echo "  rejected: $what"
}

probe() {
  local file=$1 what=$2 body=$3
  probes+=("$file")
  printf '%b' "$body" >"$file"
  expect_violation "$file" "$what"
}

probe libs/sla/src/__boundary_probe__.ts 'a pure library importing the contracts (data)' \
  "import type { Problem } from '@sigap/contracts';\nexport type P = Problem;\n"
probe libs/standards/src/__boundary_probe__.ts 'a shared library importing a framework' \
  "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n"
probe libs/mail-threading/src/__boundary_probe__.ts 'a shared library importing a database driver' \
  "import { createPool } from 'mysql2';\nexport const p = createPool;\n"
probe libs/api/catalog/src/__boundary_probe__.ts 'the catalog (org layer) importing tickets (work layer)' \
  "import { TicketEntity } from '@sigap/api-tickets';\nexport const t = TicketEntity;\n"
probe libs/api/database/src/__boundary_probe__.ts 'the database room (core) importing identity (org)' \
  "import { UserEntity } from '@sigap/api-identity';\nexport const u = UserEntity;\n"
probe libs/api/tickets/src/__boundary_probe__.ts 'tickets (work) importing mail (channel)' \
  "import { MailModule } from '@sigap/api-mail';\nexport const m = MailModule;\n"
probe libs/api/tickets/src/__boundary_probe2__.ts 'a library reaching into another by relative path' \
  "import { OutboxService } from '../../outbox/src/outbox.service';\nexport const o = OutboxService;\n"
probe apps/console/src/__boundary_probe__.ts 'the console importing the API' \
  "import { AppModule } from '../../api/src/app.module';\nexport const m = AppModule;\n"
echo "module boundaries enforced"
