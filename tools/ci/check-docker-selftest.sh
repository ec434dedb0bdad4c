#!/usr/bin/env bash
# Proves the Docker check fails on the mistakes it is there for: a copy of the set-up with a root
# final image, an unpinned image, mail going to files and no .dockerignore must be refused.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docker" "$tmp/libs/api/config/src"
cp docker/* "$tmp/docker/"
cp libs/api/config/src/app-config.ts "$tmp/libs/api/config/src/"
sed -i '/^USER node$/d' "$tmp/docker/api.Dockerfile"
sed -i 's|axllent/mailpit:v[0-9.]*|axllent/mailpit:latest|; /SIGAP_SMTP_URL/d' "$tmp/docker/compose.yaml"
out=$(node tools/ci/check-docker.js "$tmp" 2>&1) && {
  echo "docker check passed a broken set-up" >&2
  exit 1
}
for expected in 'api.Dockerfile: the final image runs as root' 'pin the image version' \
  'no SIGAP_SMTP_URL' '.dockerignore: missing'; do
  grep -qF "$expected" <<<"$out" || {
    echo "docker check did not report: $expected" >&2
    echo "$out" >&2
    exit 1
  }
done
echo "docker check refuses a broken set-up"
