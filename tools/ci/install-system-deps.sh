#!/usr/bin/env bash
# Installs the system packages the tests need, only where they are missing, from Debian:
# - Chromium (console tests and e2e);
# - a running MariaDB (integration tests);
# - Dovecot (IMAP polling tests; they start their own unprivileged server from tools/mail/);
# - nginx (reverse-proxy tests; they start their own unprivileged server);
# - OpenLDAP's slapd and ldap-utils (LDAP sign-in tests; they start their own server from tools/ldap/);
# - a C++ toolchain and Python (node-gyp builds the embedded SQLite driver during npm install).
# The S3-compatible server of the storage specs is s3rver, an npm dev dependency (npm ci installs
# it): Debian 12 has no python3-moto, and its radosgw needs a whole Ceph cluster behind it.
# As root it installs them; otherwise it names what to install in one line and fails.
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
[ -x /usr/sbin/dovecot ] || need_apt+=(dovecot-imapd)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
[ -x /usr/sbin/slapd ] || need_apt+=(slapd)
command -v ldapsearch >/dev/null 2>&1 || need_apt+=(ldap-utils)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing system packages: ${need_apt[*]} (run as root, or install them: apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  echo "installing: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# MariaDB must answer on 127.0.0.1:3306 unless the tests are pointed elsewhere.
if [ -z "${SIGAP_TEST_MYSQL_URL:-}" ]; then
  if ! (echo > /dev/tcp/127.0.0.1/3306) 2>/dev/null; then
    if [ "$(id -u)" != 0 ]; then
      echo "MariaDB is not answering on 127.0.0.1:3306: start it, or set SIGAP_TEST_MYSQL_URL" >&2
      exit 1
    fi
    echo "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    # A fresh package leaves no system tables on some images: create them once.
    [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 60); do
      (echo > /dev/tcp/127.0.0.1/3306) 2>/dev/null && break
      sleep 0.5
    done
    (echo > /dev/tcp/127.0.0.1/3306) 2>/dev/null || {
      echo "MariaDB did not start on 127.0.0.1:3306" >&2
      exit 1
    }
  fi

  # Debian's fresh MariaDB lets root in through the Unix socket only; the tests connect over TCP as
  # root with an empty password (this is a throw-away test server, never a production one).
  if command -v mariadb >/dev/null 2>&1 && ! mariadb -h 127.0.0.1 -u root -e 'SELECT 1' >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && mariadb -u root -e 'SELECT 1' >/dev/null 2>&1; then
      echo "allowing the tests' root login over TCP on the local MariaDB"
      mariadb -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
        CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
        GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
    else
      echo "MariaDB on 127.0.0.1:3306 refuses root without a password: set SIGAP_TEST_MYSQL_URL" >&2
      exit 1
    fi
  fi
fi
