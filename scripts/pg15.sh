#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's package) for the sync service's tests (issue 6, SYNC.md §8).
#   eval "$(bash scripts/pg15.sh start)"   # prints `export PG15_URL=… PG15_DIR=…`
#   bash scripts/pg15.sh stop              # stops it and removes the folder (uses $PG15_DIR)
# Installs postgresql-15 with apt-get when /usr/lib/postgresql/15/bin is missing (needs root).
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -x "$BIN/initdb" ]; then
      if [ "$(id -u)" != 0 ]; then echo "pg15.sh: $BIN fehlt und ohne root kann ich postgresql-15 nicht installieren." >&2; exit 1; fi
      echo "pg15.sh: installiere postgresql-15 …" >&2
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 >&2
    fi
    dir=$(mktemp -d /tmp/pg15.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    # A free port: ask the kernel for one, then hand it to PostgreSQL.
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$BIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PG15_URL=postgres://postgres@127.0.0.1:$port/postgres PG15_DIR=$dir"
    ;;
  stop)
    dir=${2:-${PG15_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir" ] || { echo "pg15.sh stop: kein PG15_DIR" >&2; exit 0; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
