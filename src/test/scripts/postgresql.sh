#!/usr/bin/env bash
# A throwaway PostgreSQL for the ITs that run on it (failsafe executions *-postgresql):
#   postgresql.sh init  <dir> <port>   a new cluster in <dir> (any earlier one there is stopped and
#                                      removed), started, with the user and databases the ITs use
#   postgresql.sh start <dir> <port>   starts the cluster in <dir> again (DatabaseRecoveryIT)
#   postgresql.sh stop  <dir>          stops it, if it runs
#   postgresql.sh empty <dir> <port> <database>
#                                      drops every table and sequence of <database> (its schema public,
#                                      made again for piston): DatabaseDownAtDeploymentIT
# It listens on 127.0.0.1:<port> only (no Unix socket), with password authentication: user piston,
# password piston, databases piston (Payara Micro) and piston_wildfly (WildFly), so each server
# starts from an empty database. Debian's postgresql is installed where missing, as the build does
# Chromium (debian-packages.sh). PostgreSQL refuses to run as root: as root, it runs as the
# postgres user that Debian's package creates.
set -euo pipefail
command=$1 dir=$2 port=${3:-}
here=$(dirname "$0")
data=$dir/data
log=$dir/postgresql.log

"$here/debian-packages.sh" postgresql 'ls /usr/lib/postgresql/*/bin/initdb' postgresql
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "[postgresql] not installed: run 'apt-get install postgresql' as root." >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A postmaster.pid whose process is gone, or is no postmaster of this data directory (a PID used
# again after a reboot or a killed build), would keep the server from starting.
drop_stale_pid_file() {
  local pid_file=$data/postmaster.pid pid
  [ -f "$pid_file" ] || return 0
  pid=$(head -n 1 "$pid_file")
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$data"; then
    echo "[postgresql] removing the stale $pid_file (PID $pid is no server of $data)"
    rm -f "$pid_file"
  fi
}

stop() {
  [ -d "$data" ] || return 0
  drop_stale_pid_file
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60
  fi
}

start() {
  drop_stale_pid_file
  as_owner "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=''"
}

sql() {
  PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -q -c "$1"
}

empty() {
  sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION piston" "$1"
}

init() {
  stop
  rm -rf "$dir"
  mkdir -p "$dir"
  echo postgres >"$dir/superuser-password"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
  fi
  as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$dir/superuser-password" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  start
  sql "CREATE ROLE piston LOGIN PASSWORD 'piston'"
  sql "CREATE DATABASE piston OWNER piston"
  sql "CREATE DATABASE piston_wildfly OWNER piston"
  echo "[postgresql] $("$bin/postgres" --version) on 127.0.0.1:$port, data in $data"
}

case $command in
  init) init ;;
  start) start ;;
  stop) stop ;;
  empty) empty "$4" ;;
  *) echo "usage: $0 init|start|stop|empty <dir> [<port> [<database>]]" >&2; exit 2 ;;
esac
