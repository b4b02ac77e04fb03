#!/usr/bin/env bash
# `npm run test:server`: the sync service's suite on PGlite and on a throwaway PostgreSQL 15 that
# this script starts and always stops again (issue 6).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/pg15.sh start)"
trap 'bash scripts/pg15.sh stop "$PG15_DIR"' EXIT
npx vitest run --project server-pglite --project server-pg15 "$@"
