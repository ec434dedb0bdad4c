#!/usr/bin/env bash
# Starts a private OpenLDAP server in the foreground for tests:
#   tools/ldap/start-slapd.sh <dir> <port> [ldif]
# <dir> receives the config, the database and the pid file; the directory is loaded from <ldif>
# (default: tools/ldap/test-directory.ldif). Plain LDAP on 127.0.0.1 only. Stop it by ending
# the process (it runs in the foreground).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 <dir> <port> [ldif]" >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
port=$2
here=$(cd "$(dirname "$0")" && pwd)
ldif=${3:-$here/test-directory.ldif}
slapd_bin=${SLAPD_BIN:-/usr/sbin/slapd}
if [ ! -x "$slapd_bin" ]; then
  echo "slapd not found at $slapd_bin (apt-get install -y slapd ldap-utils)" >&2
  exit 3
fi

mkdir -p "$dir/data"
rootpw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
sed -e "s|@DIR@|$dir|g" -e "s|@ROOTPW@|$rootpw|g" "$here/slapd.conf.template" >"$dir/slapd.conf"
"$(dirname "$slapd_bin")/slapadd" -f "$dir/slapd.conf" -l "$ldif" -q
# -d 0: stay in the foreground, log nothing; the test ends the process to stop it.
exec "$slapd_bin" -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" -d 0
