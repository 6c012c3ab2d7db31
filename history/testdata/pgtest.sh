#!/usr/bin/env bash
# A private PostgreSQL server for apierr's tests, on a free loopback port,
# in a temporary directory, as an unprivileged user (initdb refuses root).
#
#   eval "$(history/testdata/pgtest.sh start)"   # exports APIERR_TEST_POSTGRES and APIERR_PGTEST_DIR
#   go test ./history/...
#   history/testdata/pgtest.sh stop "$APIERR_PGTEST_DIR"
#
# start installs PostgreSQL with apt when no server binaries are found
# (as root). Everything it says goes to stderr; stdout is the exports.
set -euo pipefail

say() { echo "pgtest: $*" >&2; }

find_bin() {
  if [[ -n ${PG_BIN:-} && -x $PG_BIN/initdb ]]; then echo "$PG_BIN"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x $d/initdb ]] && { echo "$d"; return; }
  done
  if command -v pg_config >/dev/null 2>&1 && [[ -x $(pg_config --bindir)/initdb ]]; then
    pg_config --bindir; return
  fi
  return 1
}

# as USER CMD...: runs CMD as the server's user.
as() {
  local user=$1; shift
  if [[ $(id -u) -ne 0 ]]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then runuser -u "$user" -- "$@"; else su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"; fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    say "PostgreSQL not found; installing it with apt"
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
    fi
    bin=$(find_bin) || { say "no PostgreSQL server binaries (set PG_BIN or install postgresql)"; exit 1; }
  fi
  local user=${PGTEST_USER:-$(id -un)}
  if [[ $(id -u) -eq 0 ]]; then
    user=${PGTEST_USER:-apierr-pgtest}
    if ! id "$user" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$user" >&2
    fi
  fi
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/apierr-pgtest.XXXXXX")
  chmod 755 "$dir"
  [[ $(id -u) -eq 0 ]] && chown "$user" "$dir"
  as "$user" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; say "initdb failed"; exit 1; }
  local port
  for port in $(seq 55432 55632); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  # fsync off: a test server's data need not survive a power cut.
  as "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { cat "$dir/server.log" >&2; say "pg_ctl start failed"; exit 1; }
  echo "$user" >"$dir/user"
  echo "$bin" >"$dir/bin"
  echo "$port" >"$dir/port"
  as "$user" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres apierr_test >&2
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  echo "export APIERR_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/apierr_test?sslmode=disable'"
  echo "export APIERR_PGTEST_DIR='$dir'"
}

stop() {
  local dir=${1:-${APIERR_PGTEST_DIR:-}}
  [[ -n $dir && -d $dir/data ]] || { say "usage: pgtest.sh stop DIR"; exit 2; }
  as "$(cat "$dir/user")" "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

# restart DIR: a server restart, as tests of lost connections need.
restart() {
  local dir=$1
  as "$(cat "$dir/user")" "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >&2
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:-}" ;;
  restart) restart "$2" ;;
  *) say "usage: pgtest.sh start | stop DIR | restart DIR"; exit 2 ;;
esac
