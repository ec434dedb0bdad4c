#!/usr/bin/env bash
# Starts a private Dovecot IMAP server in the foreground for tests:
#   tools/mail/start-dovecot.sh <dir> <port> <user> <password>
# <dir> receives the config, the passwd-file, the log and the Maildirs. Plain IMAP without TLS
# on 127.0.0.1 only (DOVECOT_LISTEN: another listen list, such as "127.0.0.1, 10.77.0.1" for the
# soak's network namespaces). Stop it by ending the process (it runs in the foreground).
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 <dir> <port> <user> <password>" >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
port=$2
user=$3
password=$4
dovecot_bin=${DOVECOT_BIN:-/usr/sbin/dovecot}
if [ ! -x "$dovecot_bin" ]; then
  echo "Dovecot not found at $dovecot_bin (apt-get install -y dovecot-imapd)" >&2
  exit 3
fi

# As root the mail files belong to the unprivileged "dovecot" account; otherwise to the caller.
if [ "$(id -u)" = 0 ] && id dovecot >/dev/null 2>&1; then
  run_user=dovecot
else
  run_user=$(id -un)
fi
run_group=$(id -gn "$run_user")
uid=$(id -u "$run_user")
gid=$(id -g "$run_user")

mkdir -p "$dir/run" "$dir/state" "$dir/maildir"
here=$(cd "$(dirname "$0")" && pwd)
listen=${DOVECOT_LISTEN:-127.0.0.1}
sed -e "s|^listen = 127.0.0.1\$|listen = $listen|" -e "s|^    address = 127.0.0.1\$|    address = $listen|" \
  -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$run_user|g" \
  -e "s|@GROUP@|$run_group|g" -e "s|@UID@|$uid|g" -e "s|@GID@|$gid|g" \
  "$here/dovecot.conf.template" >"$dir/dovecot.conf"
printf '%s:{PLAIN}%s:%s:%s::%s/maildir/%s\n' "$user" "$password" "$uid" "$gid" "$dir" "$user" \
  >"$dir/users"
chmod 0644 "$dir/users"
if [ "$(id -u)" = 0 ]; then
  chown -R "$run_user:$run_group" "$dir/maildir" "$dir/state"
  chmod 0755 "$dir"
fi

exec "$dovecot_bin" -F -c "$dir/dovecot.conf"
