#!/usr/bin/env bash
# Installs the system packages the tests need, only where they are missing:
# Debian's Chromium (console tests and e2e), a running MariaDB (integration tests), Dovecot
# (IMAP polling tests; they start their own unprivileged server from tools/mail/) and nginx (the
# reverse-proxy test starts its own unprivileged server from docker/nginx.conf).
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
[ -x /usr/sbin/dovecot ] || need_apt+=(dovecot-imapd)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing system packages: ${need_apt[*]} (run as root, or install them: apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  echo "installing: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# MariaDB must answer on 127.0.0.1:3306 unless the tests are pointed elsewhere.
if [ -z "${SIGAP_TEST_MYSQL_URL:-}" ]; then
  if ! (echo > /dev/tcp/127.0.0.1/3306) 2>/dev/null; then
    echo "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 60); do
      (echo > /dev/tcp/127.0.0.1/3306) 2>/dev/null && break
      sleep 0.5
    done
  fi
fi
